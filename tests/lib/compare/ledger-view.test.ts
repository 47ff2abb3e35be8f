import { describe, expect, it } from 'vitest';
import { loadSampleArchive } from '../../../bench/follow-up-quality.ts';
import { resolveFollowUps } from '../../../src/lib/compare/follow-up.ts';
import { buildLedger } from '../../../src/lib/compare/ledger.ts';
import { ledgerReportOfData, renderLedgerHtml, renderSuggestionsHtml } from '../../../src/lib/compare/ledger-view.ts';
import { toReportData } from '../../../src/lib/compare/report-data.ts';

const sample = loadSampleArchive().map((report) => ({ ...report, kind: report.id.split('-').at(-1)! }));
const { followUps } = resolveFollowUps(sample);
const ledger = buildLedger(sample, followUps);

/** Each report's data file as the build writes it (src/pages/data/reports/[...id].json.gz.ts). */
const byKey = new Map(followUps.map((f) => [f.commitmentKey, f]));
const dataOf = (report: (typeof sample)[number]) => ({
  ...toReportData({ id: report.id, year: report.year, unit: report.unit, kind: report.kind }, report.analysis, (c) => byKey.get(`${report.id}#${c}`)),
  hasLaterReport: sample.some((other) => other.unit === report.unit && other.year > report.year),
});
const links = { report: (id: string, anchor?: string | null) => `/reports/${id}/${anchor ? `#${anchor}` : ''}`, targets: (id: string) => `/reports/${id}/targets/` };

describe('ledgerReportOfData', () => {
  it('gives every commitment of a report the status, order and section the build’s ledger gives it', () => {
    for (const report of sample) {
      const group = ledgerReportOfData(dataOf(report));
      const items = [...group.sections, ...group.general].flatMap((section) => section.items.map((item) => ({ ...item, title: section.title })));
      const expected = ledger.filter((entry) => entry.reportId === report.id);
      expect(items.map((item) => item.id), report.id).toEqual(expected.map((entry) => entry.commitment.id));
      expect(items.map((item) => item.status), report.id).toEqual(expected.map((entry) => entry.status));
      expect(items.map((item) => item.title), report.id).toEqual(expected.map((entry) => entry.commitment.sectionPath.join(' › ')));
      expect(group.general.flatMap((section) => section.items).every((item) => item.kind === 'general')).toBe(true);
      expect(group.sections.flatMap((section) => section.items).some((item) => item.kind === 'general')).toBe(false);
    }
    // The sample has every kind of status that matters here.
    const statuses = new Set(ledger.map((entry) => entry.status));
    for (const status of ['落实', '有建议', '尚无后续报告'] as const) expect(statuses.has(status)).toBe(true);
  });

  it('keeps the explicit follow-ups, latest first, and counts the suggestions', () => {
    const report = sample.find((r) => r.id === '2021/明湖市社会科学界联合会-述职报告')!;
    const items = [...ledgerReportOfData(dataOf(report)).sections].flatMap((section) => section.items);
    const answered = items.filter((item) => item.explicit.length > 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const item of answered) {
      expect(item.status).toBe(item.explicit[0]!.status);
      expect(item.explicit.every((entry) => entry.year === 2022 && entry.report.startsWith('2022/'))).toBe(true);
    }
    expect(items.filter((item) => item.status === '有建议').every((item) => item.suggested >= 1 && item.suggested <= 3)).toBe(true);
  });
});

describe('renderLedgerHtml', () => {
  it('states unit, report and section once, with the attributes the filters read and the links to each promise', () => {
    const reports = sample.filter((r) => r.year === 2022).sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN'));
    const groups = reports.map((report) => ledgerReportOfData(dataOf(report)));
    const html = renderLedgerHtml(groups, links);
    const units = [...new Set(reports.map((r) => r.unit))];
    expect([...html.matchAll(/<h2 id="unit-\d+">([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(units);
    const items = groups.flatMap((g) => [...g.sections, ...g.general].flatMap((s) => s.items.map((item) => ({ item, report: g.reportId }))));
    expect(html.match(/<li data-ledger-item /g)).toHaveLength(items.length);
    for (const { item, report } of items) {
      expect(html).toContain(`<li data-ledger-item data-status="${item.status}" data-c="${item.id}"><a href="/reports/${report}/#${item.anchor}">`);
    }
    for (const report of reports) expect(html).toContain(`data-kind="${report.kind}" data-report="${report.id}"`);
    expect(html).toContain('（落实）：');
    expect(html).toMatch(/<details class="commitment-story" data-suggested="[123]"><summary>后续情况（[123] 条自动建议）<\/summary>/);
    expect(renderLedgerHtml([{ reportId: 'x', year: 2022, unit: 'a<b', kind: 'k', sections: [{ title: 't&', items: [{ id: 'c-1', anchor: 'c-1', text: '<script>', kind: 'target', status: '未见后续', explicit: [], suggested: 0 }] }], general: [], hasTargets: true }], links))
      .toBe('<section aria-labelledby="unit-0" data-ledger-group data-unit="a&lt;b"><h2 id="unit-0">a&lt;b</h2><section data-ledger-group data-kind="k" data-report="x"><h3><a href="/reports/x/">2022年k</a></h3><p class="meta-line"><a href="/reports/x/targets/">目标完成情况</a></p><div data-ledger-kind-group="checkable"><div data-ledger-group><h4>t&amp;</h4><ol class="ledger-list"><li data-ledger-item data-status="未见后续" data-c="c-1"><a href="/reports/x/#c-1">&lt;script&gt;</a><span class="meta-line"><span class="status status-7">未见后续</span><span>目标</span></span></li></ol></div></div></section></section>');
  });
});

describe('renderSuggestionsHtml', () => {
  it('quotes a commitment’s suggestions from the data file, marked automatic with their score, best first', () => {
    const id = '2021/明湖市社会科学界联合会-述职报告';
    const report = sample.find((r) => r.id === id)!;
    const byKey = new Map(followUps.map((f) => [f.commitmentKey, f]));
    const data = toReportData({ id }, report.analysis, (c) => byKey.get(`${id}#${c}`));
    const study = data.commitments.find((c) => c.id === 'c-3-1-e1')!;
    const html = renderSuggestionsHtml(data.evidence, study.followUps, (r, anchor) => `/reports/${r}/#${anchor}`);
    const items = html.match(/<li class="suggested">.*?<\/li>/g)!;
    expect(items.length).toBe(Math.min(3, study.followUps.filter((f) => f.source === 'suggested').length));
    expect(items[0]).toMatch(/^<li class="suggested">自动建议（相似度 0\.\d\d）· 2022年：全年共组织党组理论学习中心组学习22次.*（目标达成） <a href="\/reports\/2022\/明湖市社会科学界联合会-述职报告\/#s-1-1-1">查看原文<\/a><\/li>$/);
    expect(renderSuggestionsHtml([{ report: 'x', year: 2022, section: null, anchor: null, text: 'a<b>&"', }], [{ evidence: 0, score: 0.5, source: 'suggested' }], () => '/x/?a=1&b=2'))
      .toBe('<li class="suggested">自动建议（相似度 0.50）· 2022年：a&lt;b&gt;&amp;&quot; <a href="/x/?a=1&amp;b=2">查看原文</a></li>');
  });
});
