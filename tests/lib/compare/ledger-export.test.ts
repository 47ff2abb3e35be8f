import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLedgerRows, groupRowsByYear, LedgerSelectionError, reportLink, selectLedgerEntries, type LedgerRow } from '../../../src/lib/compare/ledger-export.ts';
import { loadLedger } from '../../../src/node/ledger-source.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const { ledger, titles } = loadLedger(path.join(ROOT, 'content'), 'internal');
const rows = buildLedgerRows(ledger, { base: '/', titleOf: (id) => titles.get(id) });
const DC = '明湖市东城区人民政府';
const SKL = '明湖市社会科学界联合会';
const find = (year: number, start: string): LedgerRow => {
  const found = rows.filter((row) => row.year === year && row.commitment.startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!;
};

describe('buildLedgerRows on the sample archive', () => {
  it('has one row per commitment of the ledger, newest year first', () => {
    expect(rows).toHaveLength(ledger.length);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows[0]!.year).toBe(2024);
    expect(groupRowsByYear(rows).map(({ year }) => year)).toEqual([2024, 2023, 2022, 2021]);
  });

  it('lists a target of the seed 2024 report with its figures and no outcome yet', () => {
    expect(find(2024, '加快东城智造产业园二期建设，年内建成标准厂房20万平方米')).toEqual({
      unit: DC,
      year: 2024,
      report: '2024年明湖市东城区政府工作报告',
      commitment: '加快东城智造产业园二期建设，年内建成标准厂房20万平方米，全年引进亿元以上项目20个。',
      section: '二、2024年工作安排 › （一）着力推动产业提质升级。',
      kind: '目标',
      status: '尚无后续报告',
      evidence: '',
      indicator: '建成标准厂房；引进亿元以上项目',
      target: '20万平方米；20个',
      outcome: '',
      verdict: '',
      commitmentLink: `/reports/2024/${DC}-政府工作报告/#c-2-1-e1`,
      followUpLink: '',
    });
  });

  it('quotes the explicit follow-up of a 2021 promise and links to it', () => {
    const row = find(2021, '探索学会党建工作巡回指导机制');
    expect(row.kind).toBe('任务');
    expect(row.status).toBe('落实');
    expect(row.evidence).toMatch(/^2022年报告回应（落实）：将年初提出的探索学会党建工作巡回指导机制落到实处/);
    expect(row.followUpLink).toBe(`/reports/2022/${SKL}-述职报告/#s-1-2-2`);
    expect([row.indicator, row.target, row.outcome, row.verdict]).toEqual(['', '', '', '']);
  });

  it('marks a suggestion as automatic with its score, and gives a target its outcome and verdict', () => {
    const row = find(2023, '改造老旧小区35个');
    // A target whose next report gives the figure takes the verdict as its status (目标未达成), the sentence as evidence.
    expect(row.status).toBe('目标未达成');
    expect(row.evidence).toMatch(/^自动建议（相似度 0\.\d\d）· 2024年：一是老旧小区改造持续推进。全年改造老旧小区28个.*（目标未达成）$/);
    expect([row.indicator, row.target, row.outcome, row.verdict]).toEqual(['改造老旧小区', '35个', '28个', '未达成']);
    expect(find(2023, '城镇调查失业率控制在5.5%以内').target).toBe('5.5%以内');
    expect(find(2022, '坚持党组理论学习中心组学习制度').target).toBe('不少于22次');
  });

  it('writes absolute, percent-encoded links when the site address is known', () => {
    const [first] = buildLedgerRows(ledger.slice(0, 1), { base: '/archive/', siteUrl: 'https://archive.example.cn' });
    expect(first!.commitmentLink).toBe(`https://archive.example.cn/archive/reports/2024/${encodeURIComponent(`${DC}-政府工作报告`)}/#c-2-1-e1`);
    expect(reportLink('2022/x', null, { base: '/' })).toBe('/reports/2022/x/');
  });
});

describe('selectLedgerEntries', () => {
  it('keeps one year and one unit', () => {
    const selected = selectLedgerEntries(ledger, { year: 2022, unit: SKL });
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.every((entry) => entry.year === 2022 && entry.unit === SKL)).toBe(true);
  });

  it('names the years and units that exist when asked for another', () => {
    expect(() => selectLedgerEntries(ledger, { year: 2019 })).toThrow(new LedgerSelectionError('台账中没有 2019 年的承诺；有承诺的年份：2024、2023、2022、2021'));
    expect(() => selectLedgerEntries(ledger, { unit: '某单位' })).toThrow(/^台账中没有单位“某单位”；有承诺的单位：明湖市东城区人民政府、/);
    expect(() => selectLedgerEntries(ledger, { year: 2024, unit: SKL })).toThrow(`${SKL}在 2024 年没有承诺`);
  });
});
