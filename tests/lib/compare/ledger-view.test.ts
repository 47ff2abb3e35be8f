import { describe, expect, it } from 'vitest';
import { loadSampleArchive } from '../../../bench/follow-up-quality.ts';
import { resolveFollowUps } from '../../../src/lib/compare/follow-up.ts';
import { buildLedger } from '../../../src/lib/compare/ledger.ts';
import { groupLedger, renderSuggestionsHtml } from '../../../src/lib/compare/ledger-view.ts';
import { toReportData } from '../../../src/lib/compare/report-data.ts';

const sample = loadSampleArchive().map((report) => ({ ...report, kind: report.id.split('-').at(-1)! }));
const { followUps } = resolveFollowUps(sample);
const ledger = buildLedger(sample, followUps);

describe('groupLedger', () => {
  it('states unit, report and top-level section once, keeping every entry in order', () => {
    const entries = ledger.filter((entry) => entry.year === 2022);
    const groups = groupLedger(entries);
    expect(groups.map((g) => g.unit)).toEqual([...new Set(entries.map((e) => e.unit))]);
    const flat = groups.flatMap((g) => g.reports.flatMap((r) => [...r.sections, ...r.general].flatMap((s) => s.entries)));
    expect(new Set(flat)).toEqual(new Set(entries));
    expect(flat).toHaveLength(entries.length);
    for (const group of groups) {
      for (const report of group.reports) {
        for (const section of [...report.sections, ...report.general]) {
          expect(section.entries.every((e) => e.reportId === report.reportId && e.unit === group.unit && e.commitment.sectionPath.join(' › ') === section.title)).toBe(true);
        }
      }
    }
    const skl = groups.find((g) => g.unit === '明湖市社会科学界联合会')!;
    const titles = skl.reports[0]!.sections.map((s) => s.title);
    expect(titles.every((t) => t.startsWith('三、2023年工作打算 › '))).toBe(true);
    expect(titles.length).toBe(new Set(titles).size);
    for (const section of skl.reports[0]!.sections) {
      expect(section.entries.every((e) => e.commitment.sectionPath.join(' › ') === section.title)).toBe(true);
    }
    // General commitments are grouped apart.
    expect(groups.flatMap((g) => g.reports.flatMap((r) => r.sections.flatMap((s) => s.entries))).some((e) => e.commitment.kind === 'general')).toBe(false);
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
