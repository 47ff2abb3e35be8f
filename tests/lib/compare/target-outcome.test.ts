import { describe, expect, it } from 'vitest';
import { loadCorpusSeries } from '../../../bench/follow-up-quality.ts';
import { readIndicator } from '../../../src/lib/compare/indicator.ts';
import { checkTarget, judgeTarget, type Figure } from '../../../src/lib/compare/target-outcome.ts';

const figure = (label: string, value: number, unit: string, qualifier?: string, valueMax?: number): Figure =>
  ({ label, value, unit, ...(qualifier ? { qualifier } : {}), ...(valueMax !== undefined ? { valueMax } : {}) });
const judge = (target: Figure, outcome: number) => judgeTarget(target, readIndicator(target.label, target.qualifier), outcome);

describe('readIndicator', () => {
  it('separates the indicator from the change and the words around it', () => {
    expect(readIndicator('国内生产总值增长')).toEqual({ name: '国内生产总值', measure: 'change', direction: 1, lowerIsBetter: false });
    expect(readIndicator('全区地区生产总值同比增长')).toMatchObject({ name: '地区生产总值', measure: 'change' });
    expect(readIndicator('城镇调查失业率平均')).toEqual({ name: '城镇调查失业率', measure: 'level', direction: 0, lowerIsBetter: true });
    expect(readIndicator('居民消费价格涨幅')).toMatchObject({ name: '居民消费价格', measure: 'change', lowerIsBetter: true });
    expect(readIndicator('单位国内生产总值能耗降低')).toMatchObject({ name: '单位国内生产总值能耗', measure: 'change', direction: -1 });
    expect(readIndicator('单位国内生产总值能耗下降', '以上')).toMatchObject({ name: '单位国内生产总值能耗', measure: 'change', direction: -1 });
    expect(readIndicator('主要污染物排放量上升')).toMatchObject({ name: '主要污染物排放量', measure: 'change', direction: 1 });
    expect(readIndicator('粮食产量首次跃上新台阶')).toMatchObject({ name: '粮食产量', measure: 'level' });
    // "地区生产总值增长11%，达到282亿元": the second figure is a level.
    expect(readIndicator('地区生产总值增长', '达到')).toMatchObject({ name: '地区生产总值', measure: 'level' });
  });
});

describe('judgeTarget', () => {
  it('reads 以上 / 不低于 as a floor and 以内 / 不超过 as a ceiling', () => {
    expect(judge(figure('城镇新增就业', 1200, '万人', '以上'), 1256)).toBe('达成');
    expect(judge(figure('城镇新增就业', 1200, '万人', '以上'), 1150)).toBe('未达成');
    expect(judge(figure('城镇登记失业率', 4.6, '%', '以内'), 4.1)).toBe('达成');
    expect(judge(figure('城镇登记失业率', 4.6, '%', '不超过'), 4.7)).toBe('未达成');
    // 2018 national: 能耗下降3%以上 → 2019 report: 下降3.1% (a fall of at least 3% is reached by 3.1%).
    expect(judge(figure('单位国内生产总值能耗下降', 3, '%', '以上'), 3.1)).toBe('达成');
    expect(judge(figure('单位国内生产总值能耗下降', 3, '%', '以上'), 2.9)).toBe('未达成');
  });

  it('allows a little slack for 左右, on the side that matters', () => {
    expect(judge(figure('国内生产总值增长', 5, '%', '左右'), 5)).toBe('达成');
    expect(judge(figure('国内生产总值增长', 7.5, '%', '左右'), 7.4)).toBe('达成');
    expect(judge(figure('国内生产总值增长', 5.5, '%', '左右'), 3)).toBe('未达成');
    // A price rise "3%左右" is a ceiling: 0.2% reaches it, 3.5% does not.
    expect(judge(figure('居民消费价格涨幅', 3, '%', '左右'), 0.2)).toBe('达成');
    expect(judge(figure('居民消费价格涨幅', 3, '%', '左右'), 3.5)).toBe('未达成');
    // A fall to reach: falling further is better.
    expect(judge(figure('单位国内生产总值能耗降低', 2.5, '%', '左右'), 3)).toBe('达成');
    expect(judge(figure('单位国内生产总值能耗降低', 3, '%', '左右'), 2.5)).toBe('未达成');
  });

  it('takes a bare figure or a range at its word', () => {
    expect(judge(figure('地区生产总值同比增长', 21, '%'), 18.5)).toBe('未达成');
    expect(judge(figure('地方财政总收入', 20, '亿元', '达到'), 20.67)).toBe('达成');
    expect(judge(figure('国内生产总值增长', 6, '%', undefined, 6.5), 6.1)).toBe('达成');
    expect(judge(figure('国内生产总值增长', 6, '%', undefined, 6.5), 5.9)).toBe('未达成');
  });
});

describe('checkTarget on the corpus', () => {
  const outcomeOf = (folder: string, unit: string, year: number, text: string) => {
    const [report, next] = loadCorpusSeries(folder, unit, [year, year + 1]);
    const commitment = report!.analysis.commitments.find((c) => c.text === text)!;
    expect(commitment, text).toBeDefined();
    return checkTarget(commitment, next!)!;
  };

  it('national 2024 国内生产总值增长5%左右 → 2025 增长5%: 达成', () => {
    const result = outcomeOf('gov-work-reports', '国务院', 2024, '国内生产总值增长5%左右');
    expect(result.verdict).toBe('达成');
    expect(result.checks).toEqual([expect.objectContaining({
      indicator: '国内生产总值',
      target: { label: '国内生产总值增长', value: 5, unit: '%', qualifier: '左右' },
      outcome: expect.objectContaining({ value: 5, unit: '%', reportId: 'gov-work-reports/2025', sentence: expect.stringContaining('国内生产总值达到134.9万亿元、增长5%') }),
      verdict: '达成',
    })]);
  });

  it('national 2024 targets: jobs, unemployment, prices and energy reached; no figure for grain in 2025', () => {
    const verdict = (text: string) => outcomeOf('gov-work-reports', '国务院', 2024, text).verdict;
    expect(verdict('城镇新增就业1200万人以上')).toBe('达成');
    expect(verdict('城镇调查失业率5.5%左右')).toBe('达成');
    expect(verdict('居民消费价格涨幅3%左右')).toBe('达成');
    expect(verdict('单位国内生产总值能耗降低2.5%左右')).toBe('达成');
  });

  it('海拉尔 2012 地区生产总值达到240亿元，同比增长21% → 2013 235.2亿元, 18.5%: 未达成 on both figures', () => {
    const result = outcomeOf('hailar-district-gov-work-reports', '海拉尔区人民政府', 2012, '地区生产总值达到240亿元，同比增长21%');
    expect(result.verdict).toBe('未达成');
    expect(result.checks.map((c) => [c.target.value, c.target.unit, c.outcome?.value, c.verdict])).toEqual([[240, '亿元', 235.2, '未达成'], [21, '%', 18.5, '未达成']]);
  });

  it('says 无结果 when the next report gives no figure: national 2021 能耗 target, 海拉尔 2012 固定资产投资', () => {
    expect(outcomeOf('gov-work-reports', '国务院', 2021, '单位国内生产总值能耗降低3%左右').verdict).toBe('无结果');
    expect(outcomeOf('hailar-district-gov-work-reports', '海拉尔区人民政府', 2012, '固定资产投资完成194亿元，同比增长25％').verdict).toBe('无结果');
  });
});
