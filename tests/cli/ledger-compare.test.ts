import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerReportOfData, renderLedgerHtml, renderSuggestionsHtml } from '../../src/lib/compare/ledger-view.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { listReportFiles, reportIdFromPath } from '../../src/node/content-source.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { readReportDataFile } from '../helpers/report-data-files.ts';

const reportsDir = path.join(repoRoot, 'content/reports');
const followUps = listReportFiles(reportsDir).flatMap((file) => {
  const { data } = parseFrontmatter(readFileSync(file, 'utf8'));
  const list = (data['followUps'] ?? []) as { commitment: string; status: string; evidence?: string }[];
  return list.map((entry) => ({ ...entry, by: reportIdFromPath(reportsDir, file), year: Number(data['year']) }));
});

describe('commitments ledger, compare and trends (sample archive)', () => {
  const site = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-ledger-')), 'site');
  const page = (urlPath: string) => readFileSync(path.join(site, urlPath, 'index.html'), 'utf8');
  beforeAll(() => {
    const result = runCli(['build', '--out', site, '--quiet']);
    if (result.status !== 0) throw new Error(result.stderr);
  }, 300_000);

  /** A ledger page as a browser shows it: the reports it names, listed from their data files (components/ledger-page.ts). */
  const ledger = (urlPath: string) => {
    const html = page(urlPath);
    const ids = JSON.parse(/<div data-ledger data-base="\/" data-reports="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"')) as string[];
    const data = ids.map((id) => readReportDataFile(site, id));
    const links = { report: (id: string, anchor?: string | null) => `/reports/${id}/${anchor ? `#${anchor}` : ''}`, targets: (id: string) => `/reports/${id}/targets/` };
    return { html, ids, data, list: renderLedgerHtml(data.map(ledgerReportOfData), links) };
  };

  it('names on each ledger page the reports it lists, and lists each explicit follow-up on the promise it answers', () => {
    expect(followUps.length).toBeGreaterThanOrEqual(8);
    for (const followUp of followUps) {
      const [reportId, commitmentId] = followUp.commitment.split('#');
      const year = reportId!.slice(0, 4);
      // On the year's page (a small year lists every commitment) and on the unit's page of that year.
      const unit = reportId!.slice(5).replace(/-[^-]+$/, '');
      for (const { html, ids, list } of [ledger(`commitments/${year}`), ledger(`commitments/${year}/${unit}`)]) {
        expect(ids, followUp.commitment).toContain(reportId);
        // The page itself carries no commitment: the list is read from the data files.
        expect(html).not.toContain('data-ledger-item');
        expect(list, followUp.commitment).toContain(`/reports/${reportId}/#${commitmentId}`);
        if (followUp.evidence) expect(list).toContain(`${followUp.year}年报告回应（${followUp.status}）：${followUp.evidence}`);
      }
    }
  });

  it('suggests, marked as automatic, follow-ups for promises nobody answered explicitly', () => {
    const { list, data } = ledger('commitments/2021');
    expect(list).toContain('>有建议<');
    // The list says how many; the sentences come from the report's data file when a reader opens them.
    const counted = [...list.matchAll(/<li data-ledger-item data-status="有建议" data-c="([^"]+)">[\s\S]*?后续情况（(\d) 条自动建议）/g)];
    expect(counted.length).toBeGreaterThan(0);
    const report = data.find((d) => d.id === '2021/明湖市社会科学界联合会-述职报告')!;
    const [, id, count] = counted.find(([, c]) => report.commitments.some((x: { id: string }) => x.id === c))!;
    const commitment = report.commitments.find((x: { id: string }) => x.id === id);
    const shown = renderSuggestionsHtml(report.evidence, commitment.followUps, (r, anchor) => `/reports/${r}/#${anchor}`);
    expect(shown.match(/<li class="suggested">/g)).toHaveLength(Number(count));
    expect(shown).toMatch(/^<li class="suggested">自动建议（相似度 0\.\d\d）· 2022年：/);
  });

  it('pre-builds a comparison of consecutive reports: the metric changes; sections and wording are left to the browser', () => {
    const html = page('compare/2022/明湖市社会科学界联合会-述职报告');
    expect(html).toContain('2021年与2022年对比');
    expect(html).toContain('data-before="2021/明湖市社会科学界联合会-述职报告" data-after="2022/明湖市社会科学界联合会-述职报告"');
    expect(html.slice(html.indexOf('data-compare-diff '))).not.toMatch(/<(ins|del)>/);
    expect(html).toMatch(/<td>党组理论学习中心组学习<\/td>\s*<td[^>]*>20次<\/td>\s*<td[^>]*>22次<\/td>/);
    expect(html).not.toContain('diff-pair');
  });

  it('draws a unit’s recurring counts as a chart with the numbers in a table, each linking to its source', () => {
    const html = page('units/明湖市社会科学界联合会/trends');
    const figure = html.slice(html.indexOf('>党组理论学习中心组学习（次，实绩）<'));
    expect(figure).toContain('<svg');
    expect(figure).toContain('role="img"');
    for (const value of ['20次', '22次', '24次']) expect(figure).toMatch(new RegExp(`<a href="/reports/20\\d\\d/明湖市社会科学界联合会-述职报告/#s-[\\d-]+" title="[^"]+">${value}</a>`));
  });
});
