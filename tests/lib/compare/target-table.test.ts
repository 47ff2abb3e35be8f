import { describe, expect, it } from 'vitest';
import { loadCorpusSeries, loadSampleArchive } from '../../../bench/follow-up-quality.ts';
import { resolveFollowUps, type SeriesReport } from '../../../src/lib/compare/follow-up.ts';
import { buildLedger, countStatuses, ledgerStatuses } from '../../../src/lib/compare/ledger.ts';
import { buildTargetTables, explainVerdict, quoteOutcome } from '../../../src/lib/compare/target-table.ts';
import type { Figure } from '../../../src/lib/compare/target-outcome.ts';

/** A small archive as the build resolves it: follow-ups over all of it, then the tables and the ledger. */
function resolve(reports: SeriesReport[]) {
  const { followUps } = resolveFollowUps(reports);
  const byKey = new Map(followUps.map((f) => [f.commitmentKey, f]));
  return { tables: buildTargetTables(reports, byKey), ledger: buildLedger(reports.map((r) => ({ ...r, kind: '政府工作报告' })), followUps) };
}

const national = resolve(loadCorpusSeries('gov-work-reports', '国务院', [2024, 2025]));

describe('buildTargetTables on the national 2024 and 2025 reports', () => {
  const table = national.tables.get('gov-work-reports/2024')!;

  it('puts 国内生产总值增长5%左右 against the 2025 report’s 增长5%: 达成, with the reason', () => {
    expect(table.next).toEqual({ id: 'gov-work-reports/2025', year: 2025 });
    const gdp = table.rows.find((row) => row.text === '国内生产总值增长5%左右')!;
    expect(gdp).toMatchObject({
      indicator: '国内生产总值', verdict: '达成', reason: '5% ≥ 5%左右',
      target: { label: '国内生产总值增长', value: 5, unit: '%', qualifier: '左右' },
      outcome: { value: 5, unit: '%', reportId: 'gov-work-reports/2025', year: 2025 },
    });
    expect(gdp.anchor).toMatch(/^c-[\w-]+-t\d+$/);
    expect(gdp.outcome!.section).toMatch(/^1(\.\d+)*$/);
    expect(gdp.outcome!.sentence).toContain('国内生产总值达到134.9万亿元、增长5%');
  });

  it('gives every indicator of the targets paragraph a row, and counts the verdicts', () => {
    const verdictOf = (text: string) => table.rows.find((row) => row.text === text)?.verdict;
    expect(verdictOf('城镇新增就业1200万人以上')).toBe('达成');
    expect(verdictOf('城镇调查失业率5.5%左右')).toBe('达成');
    expect(verdictOf('居民消费价格涨幅3%左右')).toBe('达成');
    expect(verdictOf('单位国内生产总值能耗降低2.5%左右')).toBe('达成');
    const { 达成: reached, 未达成: missed, 无结果: none } = table.counts;
    expect(reached + missed + none).toBe(table.rows.length);
    expect(reached).toBeGreaterThanOrEqual(5);
  });

  it('says 尚无后续报告 for the last report’s targets', () => {
    const last = national.tables.get('gov-work-reports/2025')!;
    expect(last.next).toBeUndefined();
    expect(last.rows.length).toBeGreaterThan(0);
    expect(new Set(last.rows.map((row) => [row.verdict, row.reason].join(' ')))).toEqual(new Set(['无结果 尚无后续报告']));
    expect(last.rows.find((row) => row.text === '国内生产总值增长5%左右')).toBeDefined();
  });
});

describe('explainVerdict', () => {
  const figure = (label: string, value: number, unit: string, qualifier?: string): Figure => ({ label, value, unit, ...(qualifier ? { qualifier } : {}) });
  it('writes the two figures and how they compare, on the side that matters', () => {
    expect(explainVerdict({ target: figure('城镇新增就业', 1200, '万人', '以上'), verdict: '达成', outcome: { value: 1256 } })).toBe('1256万人 ≥ 1200万人以上');
    expect(explainVerdict({ target: figure('国内生产总值增长', 7.5, '%', '左右'), verdict: '达成', outcome: { value: 7.4 } })).toBe('7.4% ≈ 7.5%左右');
    expect(explainVerdict({ target: figure('居民消费价格涨幅', 3, '%', '左右'), verdict: '未达成', outcome: { value: 3.5 } })).toBe('3.5% > 3%左右');
    expect(explainVerdict({ target: figure('城镇登记失业率', 4.6, '%', '以内'), verdict: '达成', outcome: { value: 4.1 } })).toBe('4.1% ≤ 4.6%以内');
    expect(explainVerdict({ target: figure('地区生产总值同比增长', 21, '%'), verdict: '未达成', outcome: { value: 18.5 } })).toBe('18.5% < 21%');
  });
  it('says why there is no outcome', () => {
    expect(explainVerdict({ target: figure('粮食产量', 1.3, '万亿斤', '以上'), verdict: '无结果' }, { year: 2025 })).toBe('2025年报告中未找到该指标的实绩');
    expect(explainVerdict({ target: figure('粮食产量', 1.3, '万亿斤', '以上'), verdict: '无结果' })).toBe('尚无后续报告');
  });
});

describe('quoteOutcome', () => {
  it('keeps a short sentence and cuts a long one around the indicator', () => {
    expect(quoteOutcome('国内生产总值增长5%。', '国内生产总值')).toBe('国内生产总值增长5%。');
    const long = `${'甲'.repeat(60)}国内生产总值达到134.9万亿元、增长5%${'乙'.repeat(60)}`;
    const quoted = quoteOutcome(long, '国内生产总值', 40);
    expect(quoted).toMatch(/^…甲+国内生产总值达到134\.9万亿元、增长5%乙*…$/);
    expect([...quoted].length).toBe(42);
  });
});

describe('target verdicts in the ledger', () => {
  it('makes a target’s verdict its status when no later report answers it explicitly', () => {
    const gdp = national.ledger.find((entry) => entry.reportId === 'gov-work-reports/2024' && entry.commitment.text === '国内生产总值增长5%左右')!;
    expect(gdp.status).toBe('目标达成');
    const counts = countStatuses(national.ledger);
    expect(Object.keys(counts)).toEqual([...ledgerStatuses]);
    expect(counts['目标达成']).toBeGreaterThanOrEqual(5);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(national.ledger.length);
    // The last report's targets are still open.
    expect(national.ledger.filter((e) => e.reportId === 'gov-work-reports/2025').every((e) => e.status === '尚无后续报告')).toBe(true);
  });

  it('lists a unit’s general commitments after its targets and tasks', () => {
    const own = national.ledger.filter((entry) => entry.reportId === 'gov-work-reports/2024');
    const firstGeneral = own.findIndex((entry) => entry.commitment.kind === 'general');
    expect(firstGeneral).toBeGreaterThan(0);
    expect(own.slice(firstGeneral).every((entry) => entry.commitment.kind === 'general')).toBe(true);
  });

  it('keeps explicit statuses first: the sample’s answered promises keep theirs, its targets get verdicts', () => {
    const sample = loadSampleArchive();
    const { followUps } = resolveFollowUps(sample);
    const ledger = buildLedger(sample.map((r) => ({ ...r, kind: 'x' })), followUps);
    const answered = new Set(sample.flatMap((r) => (r.followUps ?? []).map((f) => f.commitment)));
    for (const entry of ledger.filter((e) => answered.has(e.key))) expect(['落实', '推进中', '未落实', '调整']).toContain(entry.status);
    const counts = countStatuses(ledger);
    expect(counts['目标达成']).toBeGreaterThan(0);
    expect(counts['目标未达成']).toBeGreaterThan(0);
  });
});
