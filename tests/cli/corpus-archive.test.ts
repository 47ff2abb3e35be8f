import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, sharedDir } from '../helpers/run-cli.ts';
import { readReportDataFile } from '../helpers/report-data-files.ts';
import { commitmentAnchorOf } from '../../src/lib/compare/report-data.ts';

/** The corpus and the seed imported as a user would, then built: the end-to-end proof for imports. */
describe('an archive imported from the corpus', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianjian-corpus-'));
  const reports = path.join(root, 'content/reports');
  const site = path.join(root, 'site');
  const runs: ReturnType<typeof runCli>[] = [];
  beforeAll(() => {
    const corpus = path.join(sharedDir, 'corpus');
    runs.push(runCli(['import', path.join(corpus, 'gov-work-reports'), '--out', reports, '--unit', '国务院', '--kind', '政府工作报告']));
    runs.push(runCli(['import', path.join(corpus, 'hailar-district-gov-work-reports'), '--out', reports, '--unit', '海拉尔区人民政府', '--kind', '政府工作报告']));
    runs.push(runCli(['import', path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.txt'), '--out', reports, '--unit', '市社科联', '--kind', '述职报告']));
    runs.push(runCli(['build', '--content', path.join(root, 'content'), '--out', site, '--quiet'], { env: { NIANJIAN_DEBUG: '1' } }));
  }, 600_000);

  it('imports all 62 files and builds them', () => {
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(runs[3]!.stdout).toContain('已构建 62 篇报告');
    expect(readdirSync(path.join(site, 'reports')).length).toBeGreaterThanOrEqual(50);
  });

  it('sums up a national report’s hundreds of commitments per section, and links the ledger that lists them', () => {
    const data = readReportDataFile(site, '2024/国务院-政府工作报告');
    expect(data.commitments.length).toBeGreaterThan(60);
    const html = readFileSync(path.join(site, 'reports/2024/国务院-政府工作报告/index.html'), 'utf8');
    const panel = html.slice(html.indexOf('class="report-analysis'), html.indexOf('</section>', html.indexOf('class="report-analysis')));
    expect(panel).toContain(`承诺事项（${data.commitments.length} 条）`);
    expect(panel).toContain('href="/commitments/2024/国务院/"');
    // One row per top-level section, whose counts add up to every commitment.
    const rows = [...panel.matchAll(/<tr><td><a href="#(c-[^"]+)">[^<]+<\/a><\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g)];
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.reduce((sum, m) => sum + Number(m[2]) + Number(m[3]) + Number(m[4]), 0)).toBe(data.commitments.length);
    for (const row of rows) expect(html).toContain(`id="${row[1]}"`);
    expect(panel).not.toContain('class="commitment-list"');
  });

  it('matches follow-ups on a second thread, from its own reading of the files, and that reading is the build’s', () => {
    // src/node/follow-up-precompute.ts: the worker's result is used only if every report's analysis has the
    // digest of the MDX build's; on 62 real reports it must, or the build loses its second core.
    expect(runs[3]!.stderr).toContain('precomputed follow-ups used for 62 reports');
    expect(runs[3]!.stderr).not.toContain('不一致');
  });

  it('shows the national 2024 report with its three parts and their roles in the outline', () => {
    const html = readFileSync(path.join(site, 'reports/2024/国务院-政府工作报告/index.html'), 'utf8');
    const toc = html.slice(html.indexOf('class="report-toc"'), html.indexOf('</aside>'));
    const topLevel = [...toc.matchAll(/<a href="#s-(\d+)">([^<]+)<\/a><span class="role-tag role-(\w+)">/g)].map((m) => [m[2], m[3]]);
    expect(topLevel).toEqual([
      ['一、2023年工作回顾', 'review'],
      ['二、2024年经济社会发展总体要求和政策取向', 'plans'],
      ['三、2024年政府工作任务', 'plans'],
    ]);
    expect(toc).toContain('（一）大力推进现代化产业体系建设，加快发展新质生产力。');
  });

  it('writes the national 2025 compare page: the changed figures, and both reports for the browser to align', () => {
    const html = readFileSync(path.join(site, 'compare/2025/国务院-政府工作报告/index.html'), 'utf8');
    // The three parts side by side are checked in Chromium (tests/e2e/search-quality.test.ts).
    expect(html).toContain('data-before="2024/国务院-政府工作报告" data-after="2025/国务院-政府工作报告"></div>');
    expect(Number(/数据变化（(\d+) 项）/.exec(html)?.[1])).toBeGreaterThan(5);
    expect(html).not.toContain('diff-pair');
  });

  it('charts the national GDP growth target year by year', () => {
    const html = readFileSync(path.join(site, 'units/国务院/trends/index.html'), 'utf8');
    const start = html.indexOf('>国内生产总值增长（%，目标）<');
    expect(start).toBeGreaterThan(0);
    const figure = html.slice(start, html.indexOf('</figure>', start));
    const years = [...figure.matchAll(/<tr>\s*<td>(\d{4})<\/td>/g)].map((m) => Number(m[1]));
    for (const year of [2014, 2015, 2017, 2018, 2022, 2023, 2024, 2025]) expect(years).toContain(year);
    expect(figure).toMatch(/<td>2025<\/td>\s*<td><a href="\/reports\/2025\/国务院-政府工作报告\/#s-[\d-]+" title="[^"]*">5%左右<\/a>/);
  });

  it('shows the seed’s nine promises as commitments linked into the text', () => {
    const data = readReportDataFile(site, '2021/市社科联-述职报告');
    expect(data.sections.map((s: { title: string; role: string }) => [s.title, s.role])).toEqual([
      ['一、履职情况', 'review'],
      ['二、主要问题', 'problems'],
      ['三、下步打算', 'plans'],
    ]);
    expect(data.commitments.map((c: { id: string }) => c.id)).toEqual(
      ['1', '2', '3'].flatMap((section) => ['1', '2', '3'].map((item) => `c-3-${section}-e${item}`)),
    );
    const html = readFileSync(path.join(site, 'reports/2021/市社科联-述职报告/index.html'), 'utf8');
    for (const commitment of data.commitments) expect(html).toContain(`id="${commitmentAnchorOf(commitment)}"`);
  });
});
