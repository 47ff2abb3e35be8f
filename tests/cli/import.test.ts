import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Nodes } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReport, normalizeForLosslessCheck } from '../../src/lib/import/import-report.ts';
import { repoRoot, runCli, sharedDir } from '../helpers/run-cli.ts';

const seedTxt = path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.txt');
const seedAutoDocx = path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.auto-numbering.docx');
const hailar = (year: number) => path.join(sharedDir, `corpus/hailar-district-gov-work-reports/${year}.txt`);
const national = (year: number) => path.join(sharedDir, `corpus/gov-work-reports/${year}.txt`);
const reportPath = (out: string, year: number, name: string) => path.join(out, String(year), `${name}.mdx`);

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'nianjian-import-'));
}

/** GB18030 bytes of a text, by inverting the decoder over all two-byte codes (Node can only encode UTF-8). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (trail !== 0x7f && char.length === 1 && char !== '\ufffd' && !codes.has(char)) codes.set(char, [lead, trail]);
    }
  }
  return new Uint8Array([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : codes.get(char)!)));
}

describe('nianjian import (a folder with good and bad files)', () => {
  const dir = tempDir();
  const input = path.join(dir, 'old-reports');
  const out = path.join(dir, 'reports');
  let result: ReturnType<typeof runCli>;
  const hailar2017 = readFileSync(hailar(2017), 'utf8');

  beforeAll(() => {
    mkdirSync(path.join(input, 'gbk'), { recursive: true });
    copyFileSync(hailar(2018), path.join(input, 'hailar-2018.txt'));
    // As the district's own files were: GBK with CRLF line ends.
    writeFileSync(path.join(input, 'gbk/hailar-2017.txt'), encodeGb18030(hailar2017.replace(/\n/g, '\r\n')));
    writeFileSync(path.join(input, 'empty.txt'), '');
    writeFileSync(path.join(input, 'binary.txt'), new Uint8Array([0x89, 0x00, 0x13, 0x37, 0x00, 0xff, 0x10, 0x00]));
    writeFileSync(path.join(input, 'notes.pdf'), '%PDF-1.4'); // a PDF cut off after its header
    writeFileSync(path.join(input, 'notes.xlsx'), 'x'); // not a report format: not picked up from a folder
    result = runCli(['import', input, '--out', out]);
  }, 60_000);

  it('imports the good files, reports each bad one on one line, and exits non-zero', () => {
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').sort()).toEqual([
      `错误：${path.join(input, 'binary.txt')}：文件含有 NUL 字节，是二进制文件而不是纯文本`,
      `错误：${path.join(input, 'empty.txt')}：文件为空（0 字节）`,
      `错误：${path.join(input, 'notes.pdf')}：不是有效的 PDF 文件（文件已损坏或不完整）`,
    ]);
    expect(readdirSync(out).sort()).toEqual(['2017', '2018']);
    expect(result.stdout).toContain('已导入 2 篇，失败 3 篇');
  });

  it('prints a progress counter, the target and what it found', () => {
    const target = reportPath(out, 2018, '海拉尔区人民政府-政府工作报告');
    expect(result.stdout).toContain(`${path.join(input, 'hailar-2018.txt')} → ${target}  一、2017年工作回顾(review) 二、2018年工作安排(plans)  承诺 `);
    expect(result.stdout).toMatch(/\[\d\/5\] .*hailar-2017\.txt → .*2017\/海拉尔区人民政府-政府工作报告\.mdx/);
    expect(result.stdout).toMatch(/承诺 \d+ 条  数据 \d+ 项/);
  });

  it('reads the GB18030 file with CRLF exactly like its UTF-8 original', () => {
    const written = readFileSync(reportPath(out, 2017, '海拉尔区人民政府-政府工作报告'), 'utf8');
    expect(written).toBe(importReport({ text: hailar2017, fileName: 'hailar-2017.txt' }).mdx);
    expect(written).toContain('title: 2017年海拉尔区政府工作报告');
  });

  it('refuses to overwrite without --force, and overwrites with it', () => {
    const target = reportPath(out, 2018, '海拉尔区人民政府-政府工作报告');
    writeFileSync(target, '我的修改');
    const refused = runCli(['import', path.join(input, 'hailar-2018.txt'), '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`目标文件已存在，不会覆盖：${target}（如需覆盖请加 --force）`);
    expect(readFileSync(target, 'utf8')).toBe('我的修改');
    const forced = runCli(['import', path.join(input, 'hailar-2018.txt'), '--out', out, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('## 一、2017年工作回顾');
  });
});

describe('nianjian import options', () => {
  it('--dry-run shows the path and first lines and writes nothing', () => {
    const out = path.join(tempDir(), 'reports');
    const result = runCli(['import', hailar(2018), '--out', out, '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`→ ${reportPath(out, 2018, '海拉尔区人民政府-政府工作报告')}`);
    expect(result.stdout).toContain('  | title: 2018年海拉尔区政府工作报告');
    expect(result.stdout).toContain('试运行（未写入任何文件）：可导入 1 篇');
    expect(existsSync(out)).toBe(false);
  });

  it('imports a .docx with automatic numbering, --unit given, and keeps the original beside it', () => {
    const out = path.join(tempDir(), 'reports');
    const result = runCli(['import', seedAutoDocx, '--out', out, '--unit', '市社科联', '--keep-original']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const mdx = readFileSync(reportPath(out, 2021, '市社科联-述职报告'), 'utf8');
    expect(mdx).toBe(readFileSync(path.join(repoRoot, 'tests/fixtures/import-seed/expected.mdx'), 'utf8'));
    const original = path.join(out, '2021/市社科联-述职报告.docx');
    expect(readFileSync(original).equals(readFileSync(seedAutoDocx))).toBe(true);
    expect(result.stdout).toContain(`原稿已保存为 ${original}`);
  });

  it('keeps two inputs for the same report apart by their file names', () => {
    const dir = tempDir();
    for (const name of ['a.txt', 'b.txt']) copyFileSync(hailar(2016), path.join(dir, name));
    const out = path.join(dir, 'reports');
    const result = runCli(['import', path.join(dir, 'a.txt'), path.join(dir, 'b.txt'), '--out', out]);
    expect(result.status).toBe(0);
    expect(readdirSync(path.join(out, '2016')).sort()).toEqual(['海拉尔区人民政府-政府工作报告-a.mdx', '海拉尔区人民政府-政府工作报告-b.mdx']);
  });

  it('names missing and unsupported files, and rejects bad options before reading anything', () => {
    const out = path.join(tempDir(), 'reports');
    const missing = runCli(['import', 'no-such-report.txt', path.join(tempDir(), 'old.doc'), '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('错误：no-such-report.txt：文件不存在');
    expect(missing.stderr).toMatch(/错误：.*old\.doc：文件不存在/);
    expect(runCli(['import', hailar(2018), '--year', '18']).stderr).toContain('--year 应为 1949–2100 之间的四位年份');
    const kind = runCli(['import', hailar(2018), '--kind', '周报', '--out', out]);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('未知的报告类型 "周报"');
    expect(runCli(['import']).status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('nianjian analyze', () => {
  it('prints the analysis of a text report as JSON', () => {
    const result = runCli(['analyze', seedTxt]);
    expect(result.status).toBe(0);
    const analysis = JSON.parse(result.stdout) as { sections: { title: string; role: string }[]; commitments: unknown[] };
    expect(analysis.sections.map((s) => `${s.title}:${s.role}`)).toEqual(['一、履职情况:review', '二、主要问题:problems', '三、下步打算:plans']);
    expect(analysis.commitments.length).toBeGreaterThan(0);
  });

  it('reads an imported .mdx (frontmatter, headings, escaped text) to the same outline as its source', () => {
    const fromText = JSON.parse(runCli(['analyze', national(2011)]).stdout) as { sections: unknown; commitments: unknown[] };
    const out = path.join(tempDir(), 'reports');
    expect(runCli(['import', national(2011), '--out', out]).status).toBe(0);
    const result = runCli(['analyze', reportPath(out, 2011, '国务院-政府工作报告')]);
    expect(result.status).toBe(0);
    const fromMdx = JSON.parse(result.stdout) as { title: string; year: number; sections: unknown; commitments: unknown[] };
    expect(fromMdx).toMatchObject({ title: '2011年政府工作报告', year: 2011 });
    expect(fromMdx.sections).toEqual(fromText.sections);
    expect(fromMdx.commitments).toEqual(fromText.commitments);
  });

  it('fails with one line for a file it cannot read', () => {
    const result = runCli(['analyze', 'no-such-report.docx']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('错误：no-such-report.docx：文件不存在');
  });
});

/** The text of the report body on a built page, without what the site marks as generated. */
function pageBodyText(html: string): string {
  const tree = unified().use(rehypeParse).parse(html) as Nodes;
  let body: Element | undefined;
  const visit = (node: Nodes): void => {
    if (node.type === 'element') {
      if ('dataPagefindIgnore' in node.properties) return void (node.children = []);
      const classes = node.properties['className'];
      if (!body && Array.isArray(classes) && classes.includes('report-body')) body = node;
    }
    if ('children' in node) node.children.forEach((child) => visit(child as Nodes));
  };
  visit(tree);
  if (!body) throw new Error('no .report-body on the page');
  return toString(body);
}

describe('imported reports build into the site (end to end)', () => {
  const dir = tempDir();
  const reports = path.join(dir, 'content/reports');
  const site = path.join(dir, 'site');
  const sources = [
    { file: seedTxt, page: '2021/市社科联-述职报告' },
    { file: national(2010), page: '2010/国务院-政府工作报告' }, // straight quotes: "三河三湖"
    { file: national(2011), page: '2011/国务院-政府工作报告' }, // lines starting with --
    { file: hailar(2012), page: '2012/海拉尔区人民政府-政府工作报告' }, // ----2012年…, 政 府 工 作 报 告
  ];
  let build: ReturnType<typeof runCli>;

  beforeAll(() => {
    expect(runCli(['import', seedTxt, '--out', reports, '--unit', '市社科联']).status).toBe(0);
    expect(runCli(['import', ...sources.slice(1).map((s) => s.file), '--out', reports]).status).toBe(0);
    build = runCli(['build', '--content', path.join(dir, 'content'), '--out', site, '--quiet']);
  }, 300_000);

  it('builds (exit 0)', () => {
    expect(build.stderr).not.toMatch(/error/i);
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('已构建 4 篇报告');
  });

  it('shows every character of each source on its page, smart punctuation and all', () => {
    for (const { file, page } of sources) {
      const html = readFileSync(path.join(site, 'reports', page, 'index.html'), 'utf8');
      expect(normalizeForLosslessCheck(pageBodyText(html)), page).toBe(normalizeForLosslessCheck(readFileSync(file, 'utf8')));
    }
  });
});
