import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../helpers/make-pdf.ts';
import { repoRoot, runCli, sharedDir } from '../helpers/run-cli.ts';

const seed = (extension: string) => path.join(sharedDir, `seeds/000_b79b53dc5c4bd550.${extension}`);
const expectedMdx = readFileSync(path.join(repoRoot, 'tests/fixtures/import-seed/expected.mdx'), 'utf8');

/** Every file below a folder, relative, sorted: to see that nothing else (no temp file) was left. */
const listFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  .map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('nianjian import of the seed as .doc and as PDF', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianjian-import-doc-pdf-'));
  let result: ReturnType<typeof runCli>;

  beforeAll(() => {
    result = runCli(['import', seed('doc'), seed('pdf'), '--out', path.join(dir, 'reports'), '--unit', '市社科联', '--keep-original']);
  }, 60_000);

  it('writes the same report as the text import for both, and keeps each original', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = path.join(dir, 'reports/2021');
    expect(listFiles(out)).toEqual([
      '市社科联-述职报告-000_b79b53dc5c4bd550-doc.doc', '市社科联-述职报告-000_b79b53dc5c4bd550-doc.mdx',
      '市社科联-述职报告-000_b79b53dc5c4bd550-pdf.mdx', '市社科联-述职报告-000_b79b53dc5c4bd550-pdf.pdf',
    ]);
    for (const kind of ['doc', 'pdf']) {
      expect(readFileSync(path.join(out, `市社科联-述职报告-000_b79b53dc5c4bd550-${kind}.mdx`), 'utf8')).toBe(expectedMdx);
      expect(readFileSync(path.join(out, `市社科联-述职报告-000_b79b53dc5c4bd550-${kind}.${kind}`)).equals(readFileSync(seed(kind)))).toBe(true);
    }
    expect(result.stdout).toContain('一、履职情况(review) 二、主要问题(problems) 三、下步打算(plans)  承诺 9 条');
  });
});

describe('nianjian import of a folder of .doc and PDF files, some bad', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianjian-import-bad-'));
  const input = path.join(dir, 'old');
  const out = path.join(dir, 'reports');
  let result: ReturnType<typeof runCli>;

  beforeAll(() => {
    mkdirSync(input);
    copyFileSync(seed('doc'), path.join(input, '2021述职.doc'));
    // A .docx saved under a .doc name, as WPS users often do: read as what it is.
    copyFileSync(seed('auto-numbering.docx'), path.join(input, 'renamed-docx.doc'));
    writeFileSync(path.join(input, 'scan.pdf'), makePdf([{ image: true }, { image: true }]));
    writeFileSync(path.join(input, 'rtf.doc'), '{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 2021\\par}');
    writeFileSync(path.join(input, 'truncated.pdf'), readFileSync(seed('pdf')).subarray(0, 40_000));
    writeFileSync(path.join(input, 'truncated.doc'), readFileSync(seed('doc')).subarray(0, 6_000));
    result = runCli(['import', input, '--out', out, '--unit', '市社科联']);
  }, 60_000);

  it('names each bad file on one line with the reason, exits 1, and imports the good ones', () => {
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').sort()).toEqual([
      `错误：${path.join(input, 'rtf.doc')}：这是 RTF 格式的文件（扩展名为 .doc），无法按 Word 文档读取；请在 Word/WPS 中另存为 .docx 后再导入`,
      `错误：${path.join(input, 'scan.pdf')}：这是扫描版 PDF（页面是图片，没有文字层），无法提取文字；请先用 OCR 软件识别成文字，或导入 Word/文本版本`,
      `错误：${path.join(input, 'truncated.doc')}：.doc 文件已损坏或不完整，无法读取；请在 Word/WPS 中打开并另存为 .docx 后再导入`,
      `错误：${path.join(input, 'truncated.pdf')}：不是有效的 PDF 文件（文件已损坏或不完整）`,
    ]);
    expect(result.stdout).toContain('已导入 2 篇，失败 4 篇');
  });

  it('writes nothing for the bad files and leaves no temporary file', () => {
    expect(listFiles(out)).toEqual(['2021/市社科联-述职报告-2021述职.mdx', '2021/市社科联-述职报告-renamed-docx.mdx']);
    expect(readFileSync(path.join(out, '2021/市社科联-述职报告-renamed-docx.mdx'), 'utf8')).toBe(expectedMdx);
  });
});
