import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupByYear } from '../../src/lib/archive.ts';
import { validateReports } from '../../src/lib/validate-reports.ts';
import { listReportFiles, reportIdFromPath } from '../../src/node/content-source.ts';
import { fragmentText, readPagefindFragments } from '../helpers/pagefind-files.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { astroChildEnv } from '../../src/node/astro-build.ts';
import { readReportDataFile } from '../helpers/report-data-files.ts';
import { commitmentAnchorOf } from '../../src/lib/compare/report-data.ts';

const reportsDir = path.join(repoRoot, 'content/reports');
const files = listReportFiles(reportsDir);
const { reports, problems } = validateReports(files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') })), [
  '述职报告', '工作总结', '政府工作报告', '工作计划', '专项报告', '调研报告', '其他',
]);
const samples = reports.map((report, i) => ({ ...report.data, body: report.body, id: reportIdFromPath(reportsDir, files[i]!) }));

function page(outDir: string, urlPath: string): string {
  return readFileSync(path.join(outDir, decodeURI(urlPath), 'index.html'), 'utf8');
}

describe('the sample archive', () => {
  it('is valid and covers at least 3 units over 3 consecutive years, public and internal', () => {
    expect(problems).toEqual([]);
    const byUnit = new Map<string, number[]>();
    for (const report of samples) byUnit.set(report.unit, [...(byUnit.get(report.unit) ?? []), report.year]);
    const consecutive = [...byUnit.values()].filter((years) => years.some((y) => years.includes(y + 1) && years.includes(y + 2)));
    expect(consecutive.length).toBeGreaterThanOrEqual(3);
    expect(samples.some((r) => r.confidentiality === 'public')).toBe(true);
    expect(samples.some((r) => r.confidentiality === 'internal')).toBe(true);
  });
});

describe('nianjian build (sample archive)', () => {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-build-')), 'site');
  let result: ReturnType<typeof runCli>;
  beforeAll(() => {
    result = runCli(['build', '--out', outDir], { env: { NIANJIAN_DEBUG: '1' } });
  }, 300_000);

  it('matches follow-ups on a second thread, with the build’s own analysis of every report', () => {
    expect(result.stderr).toContain(`precomputed follow-ups used for ${samples.length} reports`);
    // The ledger workbooks too, one a year.
    for (const year of new Set(samples.map((s) => s.year))) expect(result.stderr).toContain(`precomputed workbook used for ${year}`);
  });

  it('exits 0 and says what it built', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`已构建 ${samples.length} 篇报告`);
  });

  it('writes home, year, unit, kind, report and search pages', () => {
    const expected = ['', 'years/', 'units/', 'kinds/', 'search/'];
    for (const group of groupByYear(samples.map((s) => ({ ...s, tags: [] })))) expected.push(`years/${group.year}/`);
    for (const unit of new Set(samples.map((s) => s.unit))) expected.push(`units/${unit}/`);
    for (const kind of new Set(samples.map((s) => s.kind))) expected.push(`kinds/${kind}/`);
    for (const sample of samples) expected.push(`reports/${sample.id}/`);
    for (const urlPath of expected) expect(existsSync(path.join(outDir, urlPath, 'index.html')), urlPath).toBe(true);
    expect(existsSync(path.join(outDir, '404.html'))).toBe(true);
  });

  it('shows a timeline with the count of reports per year on the home page', () => {
    const home = page(outDir, '');
    for (const group of groupByYear(samples.map((s) => ({ ...s, tags: [] })))) {
      expect(home).toContain(`<a href="/years/${group.year}/"><span class="year">${group.year}</span><span class="count">${group.reports.length} 篇`);
    }
  });

  it('gives each report page its metadata, an outline from its own numbering, and links to the same unit’s other years', () => {
    const series = samples.filter((s) => s.unit === samples[0]!.unit && s.kind === samples[0]!.kind).sort((a, b) => a.year - b.year);
    expect(series.length).toBeGreaterThanOrEqual(3);
    const middle = series[1]!;
    const html = page(outDir, `reports/${middle.id}/`);
    expect(html).toContain(`<h1 data-pagefind-meta="title">${middle.title}</h1>`);
    expect(html).toMatch(/<dt>单位<\/dt><dd><a href="\/units\/[^"]+\/">/);
    const toc = html.slice(html.indexOf('class="report-toc"'), html.indexOf('</aside>'));
    expect(toc).toMatch(/>一、[^<]+<\/a>/);
    expect(toc).toMatch(/>（一）[^<]+<\/a>/);
    expect(html).toContain(`href="/reports/${series[0]!.id}/" rel="prev"`);
    expect(html).toContain(`href="/reports/${series[2]!.id}/" rel="next"`);
  });

  it('writes a compare page for each report with an earlier one of its unit and kind: the metrics, and the two reports for the browser to align', () => {
    const compared = samples.filter((s) => samples.some((o) => o.unit === s.unit && o.kind === s.kind && o.year < s.year));
    expect(compared.length).toBeGreaterThan(0);
    for (const report of compared) {
      const html = page(outDir, `compare/${report.id}/`);
      const before = samples.filter((o) => o.unit === report.unit && o.kind === report.kind && o.year < report.year).sort((a, b) => b.year - a.year)[0]!;
      expect(html).toContain('<table class="metric-table">');
      expect(html).toContain(`data-before="${before.id}" data-after="${report.id}"></div>`);
      // The sections are paired in the browser (compare-page.ts), as the compare picker pairs them.
      expect(html).not.toContain('diff-pair');
      expect(existsSync(path.join(outDir, 'data', 'reports', `${before.id}.json.gz`))).toBe(true);
    }
  });

  it('writes each report’s analysis as JSON, and every commitment links to an anchor on its page', () => {
    for (const sample of samples) {
      const data = readReportDataFile(outDir, sample.id);
      expect(data).toMatchObject({ id: sample.id, title: sample.title, year: sample.year, unit: sample.unit, kind: sample.kind });
      const roles = data.sections.map((section: { role: string }) => section.role);
      expect(roles, sample.id).toContain('review');
      expect(roles, sample.id).toContain('plans');
      expect(data.commitments.length, sample.id).toBeGreaterThanOrEqual(6);
      expect(data.metrics.length, sample.id).toBeGreaterThanOrEqual(10);
      const html = page(outDir, `reports/${sample.id}/`);
      for (const commitment of data.commitments) expect(html, commitment.id).toContain(`id="${commitmentAnchorOf(commitment)}"`);
      expect(html).toContain(`承诺事项（${data.commitments.length} 条）`);
      expect(html).toMatch(/<h2 id="s-1" data-role="review">/);
    }
  });

  it('indexes every report, body only, with year, unit and kind as filters', () => {
    const fragments = readPagefindFragments(outDir);
    const pages = fragments;
    expect(pages).toHaveLength(samples.length);
    for (const fragment of pages) {
      const sample = samples.find((s) => `/reports/${s.id}/` === decodeURI(fragment.url));
      expect(sample, fragment.url).toBeDefined();
      expect(fragment.filters).toEqual({ year: [String(sample!.year)], unit: [sample!.unit], kind: [sample!.kind] });
      expect(fragment.meta['title']!.replace(/\s+/g, '')).toBe(sample!.title.replace(/\s+/g, ''));
      const text = fragmentText(fragment);
      const lastParagraph = sample!.body.trim().split('\n').at(-1)!.replace(/\s+/g, '');
      expect(text).toContain(lastParagraph.slice(0, 30));
      expect(text).not.toContain('跳到正文');
      expect(text).not.toContain('按年份');
      expect(text).not.toContain('报告日期');
    }
  });

  it('indexes one record per report, carrying its roles for the role facet, and no commitment anchors (src/lib/search/search-scope.ts)', () => {
    const fragments = readPagefindFragments(outDir);
    const entry = JSON.parse(readFileSync(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages['und'].page_count).toBe(samples.length);
    expect(fragments).toHaveLength(samples.length);
    for (const sample of samples) {
      const data = readReportDataFile(outDir, sample.id);
      const fragment = fragments.find((f) => decodeURI(f.url) === `/reports/${sample.id}/`)!;
      const roles = data.sections.filter((s: { role: string }) => s.role !== 'other').map((s: { id: string; role: string }) => `s-${s.id}:${s.role}`);
      expect(fragment.meta['roles'], sample.id).toBe(roles.join(' '));
      // Headings are the only anchors: a commitment paragraph's anchor would carry its text twice.
      expect(fragment.anchors.filter((a) => a.id.startsWith('c-')), sample.id).toEqual([]);
      expect(fragment.anchors.some((a) => a.id === 's-1'), sample.id).toBe(true);
      // The metadata is not searchable text.
      expect(fragment.content, sample.id).not.toContain(':review');
    }
  });
});

describe('nianjian build (bad input)', () => {
  it('lists every problem of every file, exits non-zero and leaves the output folder untouched', () => {
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-bad-')), 'site');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'keep.txt'), 'previous build');
    const result = runCli(['build', '--content', path.join(repoRoot, 'tests/fixtures/invalid-reports'), '--out', outDir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('报告内容有 9 处问题');
    expect(result.stderr).toMatch(/bad-fields\.mdx:3 {2}year：应为四位整数年份/);
    expect(result.stderr).toMatch(/missing-fields\.mdx:4 {2}confidentialty：不认识的字段/);
    expect(result.stderr).toMatch(/no-frontmatter\.md:1 /);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(outDir)).toEqual(['keep.txt']);
  });

  it('names every report whose MDX does not compile, with line and column, and writes nothing', () => {
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-mdx-')), 'site');
    const result = runCli(['build', '--content', path.join(repoRoot, 'tests/fixtures/invalid-mdx'), '--out', outDir, '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('构建失败，输出目录未改动');
    expect(result.stderr).toMatch(/invalid-mdx\/reports\/brace\.mdx:10:\d+/);
    expect(result.stderr).toMatch(/invalid-mdx\/reports\/tag\.mdx:8:\d+/);
    expect(result.stderr).toContain('提示：正文中的 { } < > 是 MDX 语法字符');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(path.dirname(outDir))).toEqual([]); // neither the site nor its temporary folder
  });

  it('rejects follow-ups that point at a missing report, commitment or section, listing each', () => {
    const result = runCli(['build', '--content', path.join(repoRoot, 'tests/fixtures/bad-follow-up'), '--out', path.join(tmpdir(), 'never-written')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('报告内容有 3 处问题');
    expect(result.stderr).toContain('2022-a.mdx  followUps：2021-a#c-9-9-e9：报告“2021-a”中没有承诺“c-9-9-e9”');
    expect(result.stderr).toContain('followUps：2020-gone#c-1-1：找不到报告“2020-gone”');
    expect(result.stderr).toContain('followUps：2021-a#c-3-1-e2：本报告中没有第 7.7 节');
  });

  it('says clearly when the content folder is missing or empty', () => {
    const missing = runCli(['build', '--content', '/nonexistent/reports']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('内容目录不存在：/nonexistent/reports');
    const empty = mkdtempSync(path.join(tmpdir(), 'nianjian-empty-'));
    const result = runCli(['build', '--content', empty]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('内容目录中没有报告文件');
  });

  it('rejects an invalid site config in the content folder, naming the file and field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianjian-config-'));
    cpSync(path.join(repoRoot, 'tests/fixtures/invalid-reports/reports/2022/valid.mdx'), path.join(dir, 'valid.mdx'));
    writeFileSync(path.join(dir, 'nianjian.config.json'), JSON.stringify({ kinds: '工作总结' }));
    const result = runCli(['build', '--content', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/nianjian\.config\.json[\s\S]*kinds：应为列表/);
  });
});

describe('astroChildEnv', () => {
  it('runs Astro with two malloc arenas unless the user set another number, and tells it to leave indexing to the CLI', () => {
    const env = astroChildEnv({ PATH: '/bin', NIANJIAN_CONTENT: '/c' }, '/tmp/out.error');
    expect(env).toEqual({ PATH: '/bin', NIANJIAN_CONTENT: '/c', NIANJIAN_INDEX: 'after-build', NIANJIAN_ERROR_FILE: '/tmp/out.error', MALLOC_ARENA_MAX: '2' });
    expect(astroChildEnv({ MALLOC_ARENA_MAX: '8' }, 'e')['MALLOC_ARENA_MAX']).toBe('8');
  });
});
