import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAllReportDataFiles } from '../helpers/report-data-files.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';

/** Every file of a built site below `dir`, relative, sorted. */
function listFiles(siteDir: string, filter: (file: string) => boolean = () => true): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)))
    .filter(filter)
    .sort();
}

/** A page as both builds should write it: script bundles are named by content hash, and only a sharded site names merged indexes. */
const comparable = (html: string) => html.replace(/_astro\/[\w.-]+\.js/g, '_astro/X.js').replace(/ data-merge-bundles="[^"]*"/g, '');

/** Follow-up scores use term weights over the reports a build reads: a shard's differ slightly from the whole archive's. */
const withoutScores = (data: unknown) => JSON.parse(JSON.stringify(data, (key, value) => (key === 'score' ? undefined : value)));

/**
 * The sample archive built whole and in shards of at most three reports (one year each, 2021–2024, with
 * each unit's neighbouring years read as context): the same site, with four search indexes merged.
 */
describe('nianjian build --shard-reports (sample archive)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianjian-shards-'));
  const wholeDir = path.join(root, 'whole');
  const shardedDir = path.join(root, 'sharded');
  let sharded: ReturnType<typeof runCli>;
  beforeAll(() => {
    expect(runCli(['build', '--out', wholeDir, '--quiet']).status).toBe(0);
    sharded = runCli(['build', '--out', shardedDir, '--shard-reports', '3'], { env: { NIANJIAN_SHARD_CACHE: '0' } });
  }, 300_000);

  it('builds each shard, then the archive-wide pages, and says so', () => {
    expect(sharded.status).toBe(0);
    for (const year of [2021, 2022, 2023, 2024]) expect(sharded.stdout).toMatch(new RegExp(`分片 ${year}：\\d 篇报告（另读相邻年度 \\d 篇）`));
    expect(sharded.stdout).toContain('已构建 9 篇报告');
  });

  it('writes every page the whole build writes, with the same content', () => {
    const pages = listFiles(wholeDir, (file) => file.endsWith('.html'));
    expect(listFiles(shardedDir, (file) => file.endsWith('.html'))).toEqual(pages);
    for (const page of pages) {
      expect(comparable(readFileSync(path.join(shardedDir, page), 'utf8')), page).toBe(comparable(readFileSync(path.join(wholeDir, page), 'utf8')));
    }
  });

  it('writes the same data files and workbooks, and leaves no shard part or plan behind', () => {
    const others = (file: string) => !file.endsWith('.html') && !file.startsWith('_astro') && !file.startsWith('pagefind');
    expect(listFiles(shardedDir, others)).toEqual(listFiles(wholeDir, others));
    expect(readAllReportDataFiles(shardedDir).map(withoutScores)).toEqual(readAllReportDataFiles(wholeDir).map(withoutScores));
    expect(existsSync(path.join(shardedDir, 'shard'))).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith('sharded')).sort()).toEqual(['sharded']);
  });

  it('has one search index per shard, which every search form merges', () => {
    expect(existsSync(path.join(shardedDir, 'pagefind/pagefind-entry.json'))).toBe(true);
    expect(readdirSync(path.join(shardedDir, 'pagefind/shards')).sort()).toEqual(['2022', '2023', '2024']);
    for (const shard of ['2022', '2023', '2024']) expect(existsSync(path.join(shardedDir, 'pagefind/shards', shard, 'pagefind-entry.json'))).toBe(true);
    const merged = 'data-merge-bundles="/pagefind/shards/2022/ /pagefind/shards/2023/ /pagefind/shards/2024/"';
    expect(readFileSync(path.join(shardedDir, 'search/index.html'), 'utf8')).toContain(merged);
    expect(readFileSync(path.join(shardedDir, 'reports/2021/明湖市社会科学界联合会-述职报告/index.html'), 'utf8')).toContain(merged);
    expect(readFileSync(path.join(wholeDir, 'search/index.html'), 'utf8')).not.toContain('data-merge-bundles');
  });

  it('builds the same site from shards built one by one, as the jobs of a CI matrix would', () => {
    const listed = runCli(['shards', '--shard-reports', '3']);
    expect(listed.status).toBe(0);
    const names = JSON.parse(listed.stdout) as string[];
    expect(names).toEqual(['2021', '2022', '2023', '2024']);
    const jobs = path.join(root, 'jobs');
    // The merge names the shard it lacks, and writes nothing.
    const early = runCli(['build', '--merge-shards', jobs, '--out', path.join(root, 'merged'), '--shard-reports', '3', '--quiet']);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('缺少分片 2021 的构建结果');
    expect(existsSync(path.join(root, 'merged'))).toBe(false);
    for (const name of names) {
      const job = runCli(['build', '--shard', name, '--out', path.join(jobs, name), '--shard-reports', '3', '--quiet']);
      expect(job.status, job.stderr).toBe(0);
    }
    const merged = runCli(['build', '--merge-shards', jobs, '--out', path.join(root, 'merged'), '--shard-reports', '3', '--quiet']);
    expect(merged.status, merged.stderr).toBe(0);
    const files = listFiles(shardedDir);
    expect(listFiles(path.join(root, 'merged'))).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(root, 'merged', file)).equals(readFileSync(path.join(shardedDir, file))), file).toBe(true);
  }, 300_000);

  it('refuses a shard that the plan does not have, naming the ones it has', () => {
    const result = runCli(['build', '--shard', '2030', '--out', path.join(root, 'none'), '--shard-reports', '3', '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有名为 2030 的分片；按现在的内容，分片为：2021、2022、2023、2024');
  });

  it('rebuilds only the shards that read an edited report, and gives the site a cold build gives', () => {
    const content = path.join(root, 'content');
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    const env = { NIANJIAN_SHARD_CACHE: path.join(root, 'cache') };
    // Two shards, 2021–2022 and 2023–2024; the second reads 2022 as context, not 2021.
    const args = ['build', '--content', content, '--out', path.join(root, 'rebuilt'), '--shard-reports', '5'];
    expect(runCli(args, { env }).status).toBe(0);
    const edited = path.join(content, 'reports/2021/明湖市文化广电和旅游局-工作总结.mdx');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n新增一段：全年组织送戏下乡演出120场。\n`);
    const rebuild = runCli(args, { env });
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toMatch(/分片 2021-2022：5 篇报告/);
    expect(rebuild.stdout).toContain('分片 2023-2024：内容与代码未变，沿用上次的构建结果');
    expect(readFileSync(path.join(root, 'rebuilt/reports/2021/明湖市文化广电和旅游局-工作总结/index.html'), 'utf8')).toContain('全年组织送戏下乡演出120场');
    const cold = runCli(['build', '--content', content, '--out', path.join(root, 'cold'), '--shard-reports', '5', '--quiet'], { env: { NIANJIAN_SHARD_CACHE: '0' } });
    expect(cold.status).toBe(0);
    const files = listFiles(path.join(root, 'cold'));
    expect(listFiles(path.join(root, 'rebuilt'))).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(root, 'rebuilt', file)).equals(readFileSync(path.join(root, 'cold', file))), file).toBe(true);
  }, 300_000);
});
