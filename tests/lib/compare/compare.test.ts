import { describe, expect, it } from 'vitest';
import { loadCorpusSeries, loadSampleArchive } from '../../../bench/follow-up-quality.ts';
import {
  alignSections, compareMetrics, consecutiveReportPairs, convertUnit, diffWords, measureBigramSimilarity, scoreMetricMatch, segmentWords,
  type DiffRun, type SectionPair,
} from '../../../src/lib/compare/compare.ts';

const sample = loadSampleArchive();
const report = (id: string) => sample.find((r) => r.id === id)!;
const [national2022, national2024, national2025] = loadCorpusSeries('gov-work-reports', '国务院', [2022, 2024, 2025]);
const titles = (pairs: SectionPair[]) => pairs.map((p) => [p.status, p.before?.title ?? null, p.after?.title ?? null]);
const paragraph = (r: typeof national2024, start: string) =>
  [...r!.outline.preamble, ...r!.outline.sections.flatMap(function walk(s): string[] { return [...s.body, ...s.children.flatMap(walk)]; }), ...r!.outline.closing]
    .find((p) => p.startsWith(start))!;
/** The old and new text a diff was made from. */
const sides = (runs: DiffRun[]) => [runs.filter((r) => r.type !== 'insert'), runs.filter((r) => r.type !== 'delete')].map((list) => list.map((r) => r.text).join(''));

describe('measureBigramSimilarity', () => {
  it('is 1 for the same text after normalisation, 0 for nothing shared', () => {
    expect(measureBigramSimilarity('工作回顾', '工作回顧')).toBe(1);
    expect(measureBigramSimilarity('工作回顾', '政府任务')).toBe(0);
    expect(measureBigramSimilarity('专题研讨交流', '研讨交流')).toBeCloseTo(0.75);
  });
});

describe('consecutiveReportPairs', () => {
  it('pairs each report with the latest earlier one of its unit and kind', () => {
    const reports = [
      { id: 'a2021', unit: 'A', kind: '述职报告', year: 2021 },
      { id: 'a2023', unit: 'A', kind: '述职报告', year: 2023 },
      { id: 'a2022', unit: 'A', kind: '述职报告', year: 2022 },
      { id: 'a2022w', unit: 'A', kind: '年度工作总结', year: 2022 },
      { id: 'b2023', unit: 'B', kind: '述职报告', year: 2023 },
    ];
    expect(consecutiveReportPairs(reports).map(({ before, after }) => [before.id, after.id])).toEqual([['a2022', 'a2023'], ['a2021', 'a2022']]);
  });

  it('pairs the sample archive the way its compare pages are listed: each unit year after year', () => {
    const pairs = consecutiveReportPairs(sample.map((r) => ({ ...r, kind: '述职报告' })));
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every(({ before, after }) => before.unit === after.unit && before.year === after.year - 1)).toBe(true);
  });
});

describe('alignSections', () => {
  it('pairs the three parts of the national 2024 and 2025 reports, years and numbering aside', () => {
    const pairs = alignSections(national2024!, national2025!);
    expect(titles(pairs)).toEqual([
      ['paired', '一、2023年工作回顾', '一、2024年工作回顾'],
      ['paired', '二、2024年经济社会发展总体要求和政策取向', '二、2025年经济社会发展总体要求和政策取向'],
      ['paired', '三、2024年政府工作任务', '三、2025年政府工作任务'],
    ]);
    expect(pairs.every((p) => p.similarity > 0.6)).toBe(true);
  });

  it('follows a task that moved and was reworded: 2024 （三）扩大国内需求 is 2025 （一）', () => {
    const tasks = alignSections(national2024!, national2025!)[2]!.children;
    expect(tasks.map((p) => p.after?.title.slice(0, 3))).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）']);
    expect(tasks.every((p) => p.status === 'paired')).toBe(true);
    expect(tasks[0]!.before!.title).toBe('（三）着力扩大国内需求，推动经济实现良性循环。');
    expect(tasks[1]!.before!.title).toBe('（一）大力推进现代化产业体系建设，加快发展新质生产力。');
    // Headings share little, bodies a topic: （九）加强生态文明建设 ~ （九）协同推进降碳减污扩绿增长.
    expect(tasks[8]!.before!.title).toBe('（九）加强生态文明建设，推进绿色低碳发展。');
  });

  it('leaves a part without counterpart as added or removed, in place', () => {
    const [hailar2015, hailar2016] = loadCorpusSeries('hailar-district-gov-work-reports', '海拉尔区', [2015, 2016]);
    expect(titles(alignSections(hailar2015!, hailar2016!))).toEqual([
      ['paired', '一、2014年工作回顾', '一、“十二五”时期和2015年工作回顾'],
      ['added', null, '二、“十三五”经济社会发展的主要目标和任务'],
      ['paired', '二、2015年工作安排', '三、2016年工作安排'],
    ]);
    const review = alignSections(report('2021/明湖市社会科学界联合会-述职报告'), report('2022/明湖市社会科学界联合会-述职报告'))[0]!;
    // 2021's 党史学习教育 has no counterpart in 2022; it stays after the pair of its predecessor.
    expect(titles(review.children).slice(0, 3)).toEqual([
      ['paired', '（一）突出政治引领，筑牢思想根基', '（一）坚持政治统领，理论武装持续深化'],
      ['removed', '（二）深化党史学习教育，推动学用结合', null],
      ['paired', '（三）夯实组织基础，提升党建质量', '（二）夯实组织基础，学会党建有效拓展'],
    ]);
    expect(review.children[1]!.children.map((p) => p.status)).toEqual(['removed', 'removed']);
  });

  it('aligns the 东城区 reports of 2023 and 2024 part by part', () => {
    const pairs = alignSections(report('2023/明湖市东城区人民政府-政府工作报告'), report('2024/明湖市东城区人民政府-政府工作报告'));
    expect(pairs.map((p) => [p.status, p.before?.id, p.after?.id])).toEqual([['paired', '1', '1'], ['paired', '2', '2'], ['paired', '3', '3']]);
    expect(pairs[0]!.children.map((p) => [p.before?.id, p.after?.id])).toEqual([['1.1', '1.1'], ['1.2', '1.2'], ['1.3', '1.3'], ['1.4', '1.4'], ['1.5', '1.5']]);
  });
});

describe('diffWords', () => {
  it('segments into words, numbers and punctuation that join back to the text', () => {
    const text = '全年完成地区生产总值531.5亿元，同比增长5.8%。';
    expect(segmentWords(text).join('')).toBe(text);
    expect(segmentWords(text)).toEqual(expect.arrayContaining(['531.5', '5.8', '%', '，']));
  });

  it('finds nothing changed in the thanks paragraph of 2024 and 2025', () => {
    const text2025 = paragraph(national2025, '过去一年取得的成绩');
    expect(diffWords(paragraph(national2024, '过去一年取得的成绩'), text2025)).toEqual([{ type: 'equal', text: text2025 }]);
  });

  it('shows the rewording of the thanks paragraph from 2022 to 2024, word by word', () => {
    const [before, after] = [paragraph(national2022, '过去一年取得的成绩'), paragraph(national2024, '过去一年取得的成绩')];
    const runs = diffWords(before, after);
    expect(sides(runs)).toEqual([before, after]);
    expect(runs.filter((r) => r.type === 'delete' && r.text === '诚挚')).toHaveLength(3);
    expect(runs.filter((r) => r.type === 'insert' && r.text === '衷心')).toHaveLength(3);
    expect(runs.slice(0, 3)).toEqual([
      { type: 'equal', text: '过去一年取得的成绩，' }, { type: 'delete', text: '是以' }, { type: 'insert', text: '根本在于' },
    ]);
    expect(runs.every((r, i) => i === 0 || r.type !== runs[i - 1]!.type)).toBe(true);
  });

  it('shows only the changed targets in the 东城区 targets paragraph of 2023 and 2024', () => {
    const targets = (id: string) => report(id).outline.sections[1]!.body.find((p) => p.startsWith('全区经济社会发展主要预期目标'))!;
    const runs = diffWords(targets('2023/明湖市东城区人民政府-政府工作报告'), targets('2024/明湖市东城区人民政府-政府工作报告'));
    const changes = runs.filter((r) => r.type !== 'equal').map((r) => `${r.type === 'delete' ? '-' : '+'}${r.text}`);
    expect(changes).toEqual(['-6', '+5.5', '-7', '+5']);
  });
});

describe('compareMetrics', () => {
  it('compares the national figures of 2024 and 2025, targets with targets', () => {
    const changes = compareMetrics(national2024!.analysis, national2025!.analysis);
    const find = (label: string, target: boolean) => changes.find((c) => c.label === label && (c.after.qualifier === '左右') === target);
    expect(find('国内生产总值增长', false)).toMatchObject({ unit: '%', oldValue: 5.2, newValue: 5, change: -0.2 });
    expect(find('国内生产总值增长', true)).toMatchObject({ oldValue: 5, newValue: 5, change: 0, changePercent: 0 });
    expect(changes.find((c) => c.label === '赤字率安排')).toMatchObject({ oldValue: 3, newValue: 4, change: 1 });
    expect(changes.find((c) => c.label === '拟安排地方政府专项债券' && c.unit === '万亿元')).toMatchObject({ oldValue: 3.9, newValue: 4.4, change: 0.5 });
  });

  it('gives change and percentage, and never pairs a rise with a fall', () => {
    const changes = compareMetrics(report('2021/明湖市文化广电和旅游局-工作总结').analysis, report('2022/明湖市文化广电和旅游局-工作总结').analysis);
    const visitors = changes.find((c) => c.label === '全市接待游客')!;
    expect(visitors).toMatchObject({ unit: '万人次', oldValue: 386.5, newValue: 312.4, change: -74.1 });
    expect(visitors.changePercent).toBeCloseTo(-19.17, 2);
    expect(changes.find((c) => c.label === '全市接待游客同比下降')).toBeUndefined();
  });

  it('resolves a label said twice by section role: review with review, plan with plan', () => {
    const changes = compareMetrics(report('2021/明湖市社会科学界联合会-述职报告').analysis, report('2022/明湖市社会科学界联合会-述职报告').analysis);
    const study = changes.filter((c) => c.before.label === '党组理论学习中心组学习');
    expect(study.map((c) => [c.before.section, c.after.section, c.oldValue, c.newValue])).toEqual([['1.1.1', '1.1.1', 20, 22]]);
    expect(changes.find((c) => c.label === '新建学会党支部' && c.before.section === '3.2')).toBeUndefined(); // a target against a result
  });

  it('matches labels across magnitudes of one unit, and only those', () => {
    expect(convertUnit(1.2, '亿元', '万元')).toBe(12000);
    expect(convertUnit(386.5, '万人次', '人次')).toBe(3865000);
    expect(convertUnit(3, '个', '家')).toBeNull();
    expect(scoreMetricMatch({ label: '专题研讨交流', unit: '次' }, { label: '研讨交流', unit: '次' })).toBeCloseTo(0.75);
    expect(scoreMetricMatch({ label: '全市接待游客同比增长', unit: '%' }, { label: '全市接待游客同比下降', unit: '%' })).toBe(0);
    expect(scoreMetricMatch({ label: '研讨交流', unit: '次' }, { label: '研讨交流', unit: '场' })).toBe(0);
  });
});
