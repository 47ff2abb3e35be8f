import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { listReportFiles } from '../../src/node/content-source.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { findCanaries, readOutputTexts, readZipText } from '../helpers/scan-output.ts';

/**
 * The sample archive with canaries: in the body and title of every internal report; and in public reports,
 * inside an <Internal> block, as a name redacted by the site config and as one redacted by the report itself.
 */
function plantCanaries(): { contentDir: string; canaries: string[]; internalTitles: string[] } {
  const contentDir = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-canary-')), 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  const configFile = path.join(contentDir, 'nianjian.config.json');
  writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), redact: ['甄秘书长'] }));
  const canaries: string[] = [];
  const internalTitles: string[] = [];
  for (const [index, file] of listReportFiles(path.join(contentDir, 'reports')).entries()) {
    const text = readFileSync(file, 'utf8');
    const { data } = parseFrontmatter(text);
    if (data['confidentiality'] === 'public') {
      const hidden = `内部段落金丝雀${index}号`;
      const siteName = '甄秘书长';
      const ownName = `保密人名${index}号`;
      canaries.push(hidden, `nianjianinternal${index}`, siteName, ownName);
      writeFileSync(
        file,
        text
          .replace(/^title: (.*)$/m, `title: $1（${siteName}审定）`)
          .replace(/^---\n/, `---\nredact: [${ownName}]\n`)
          .concat(`\n<Internal>\n${hidden}：nianjianinternal${index} 仅供内部。\n</Internal>\n\n${siteName}和${ownName.split('').join(' ')}出席会议并讲话。\n`),
      );
      continue;
    }
    const body = `nianjiancanary${index}body`;
    const chinese = `绝密金丝雀第${index}号甲乙丙`;
    const title = `canarytitle${index}`;
    canaries.push(body, chinese, title);
    internalTitles.push(String(data['title']));
    const planted = text
      .replace(/^title: (.*)$/m, `title: $1${title}`)
      .concat(`\n${chinese}：此段含有 ${body}，不得出现在公开版中。\n`);
    writeFileSync(file, planted);
  }
  return { contentDir, canaries, internalTitles };
}

describe('public build', () => {
  const { contentDir, canaries, internalTitles } = plantCanaries();
  const root = mkdtempSync(path.join(tmpdir(), 'nianjian-public-'));
  const publicDir = path.join(root, 'public');
  const internalDir = path.join(root, 'internal');
  const shardedDir = path.join(root, 'public-sharded');
  let publicRun: ReturnType<typeof runCli>;
  let internalRun: ReturnType<typeof runCli>;
  let shardedRun: ReturnType<typeof runCli>;
  beforeAll(() => {
    publicRun = runCli(['build', '--public', '--content', contentDir, '--out', publicDir, '--quiet']);
    internalRun = runCli(['build', '--content', contentDir, '--out', internalDir, '--quiet']);
    // The same public site built in shards of two reports: each shard reads its own and its neighbours' public files only.
    shardedRun = runCli(['build', '--public', '--content', contentDir, '--out', shardedDir, '--shard-reports', '2', '--quiet'], { env: { NIANJIAN_SHARD_CACHE: '0' } });
  }, 300_000);

  it('plants canaries in at least three internal reports', () => {
    expect(internalTitles.length).toBeGreaterThanOrEqual(3);
  });

  it('masks redacted names with the mask in the public pages', () => {
    const html = readOutputTexts(publicDir).find((f) => f.file.startsWith('reports/2022/') && f.text.includes('出席会议并讲话'));
    expect(html?.text).toMatch(/XXX和XXX出席会议并讲话/);
  });

  it('contains nothing of an internal report in any file, search index included', () => {
    expect(publicRun.stderr).toBe('');
    expect(publicRun.status).toBe(0);
    expect(findCanaries(publicDir, canaries)).toEqual([]);
    const everything = readOutputTexts(publicDir).map((f) => f.text).join('\n');
    for (const title of internalTitles) expect(everything).not.toContain(title.replace(/\s+/g, ''));
  });

  it('contains nothing of an internal report when built in shards either', () => {
    expect(shardedRun.stderr).toBe('');
    expect(shardedRun.status).toBe(0);
    expect(existsSync(path.join(shardedDir, 'pagefind/shards'))).toBe(true);
    expect(findCanaries(shardedDir, canaries)).toEqual([]);
    const everything = readOutputTexts(shardedDir).map((f) => f.text).join('\n');
    for (const title of internalTitles) expect(everything).not.toContain(title.replace(/\s+/g, ''));
    expect(everything).toMatch(/XXX和XXX出席会议并讲话/);
  });

  it('has every canary in the internal build, so the scan can find a leak', () => {
    expect(internalRun.status).toBe(0);
    const hits = findCanaries(internalDir, canaries);
    for (const canary of canaries) expect(hits.some((hit) => hit.startsWith(`${canary} in `)), canary).toBe(true);
    expect(hits.some((hit) => hit.includes('pagefind/'))).toBe(true);
    // The scan reads the ledger workbooks too (zip), so a leak into them would be found.
    expect(hits.some((hit) => hit.endsWith('.xlsx'))).toBe(true);
  });

  it('offers the ledger workbook of each public year, with titles masked', () => {
    expect(existsSync(path.join(publicDir, 'commitments/2024/台账-2024.xlsx'))).toBe(true);
    // Only internal reports of 2021 exist: a public build has no ledger for that year.
    expect(existsSync(path.join(publicDir, 'commitments/2021/台账-2021.xlsx'))).toBe(false);
    const text = readZipText(readFileSync(path.join(publicDir, 'commitments/2022/台账-2022.xlsx')));
    expect(text).toContain('（XXX审定）');
  });

  it('exports with --public only what the public site shows', async () => {
    const out = path.join(root, 'public-ledger.xlsx');
    const result = runCli(['export', 'ledger', '--public', '--content', contentDir, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('仅含公开报告');
    const text = readZipText(readFileSync(out));
    expect(canaries.filter((canary) => text.includes(canary))).toEqual([]);
    expect(text).toContain('（XXX审定）');
    // The same rows as the public site's workbook of each year.
    const sheetOf = async (file: string, name: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const rows: unknown[] = [];
      workbook.getWorksheet(name)?.eachRow((row) => rows.push(row.values));
      return rows;
    };
    for (const year of [2022, 2023, 2024]) {
      const site = await sheetOf(path.join(publicDir, `commitments/${year}/台账-${year}.xlsx`), `${year}年`);
      expect(site.length).toBeGreaterThan(1);
      expect(await sheetOf(out, `${year}年`)).toEqual(site);
    }
    const internalOut = path.join(root, 'internal-ledger.xlsx');
    expect(runCli(['export', 'ledger', '--content', contentDir, '--out', internalOut]).status).toBe(0);
    const internalText = readZipText(readFileSync(internalOut));
    expect(canaries.filter((canary) => internalText.includes(canary)).length).toBeGreaterThan(0);
  });

  it('refuses to build a public site from an archive with no public report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianjian-nopublic-'));
    writeFileSync(path.join(dir, 'a.mdx'), '---\ntitle: t\nyear: 2022\nunit: u\nkind: 工作总结\n---\n\n正文\n');
    const result = runCli(['build', '--public', '--content', dir, '--out', path.join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有可公开的报告');
  });
});
