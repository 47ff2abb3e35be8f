import { describe, expect, it } from 'vitest';
import { loadCorpusSeries, loadSampleArchive } from '../../../bench/follow-up-quality.ts';
import { buildMetricSeries, metricClause, renderSparklineSvg, type MetricSeries } from '../../../src/lib/compare/metric-series.ts';
import { childElements, descendants, parseXmlTree, type XmlElement } from '../../../src/lib/import/xml-tree.ts';

const sample = loadSampleArchive();
const unitSeries = (unit: string) => buildMetricSeries(sample.filter((r) => r.unit === unit));
const values = (series: MetricSeries | undefined) => series?.points.map((p) => [p.year, p.value]);
const find = (all: MetricSeries[], label: string, basis: MetricSeries['basis'] = 'reported') => all.find((s) => s.label === label && s.basis === basis);

describe('buildMetricSeries on the sample archive', () => {
  it('follows 社科联 党组理论学习中心组学习 20 → 22 → 24次, from the review sections', () => {
    const all = unitSeries('明湖市社会科学界联合会');
    const study = find(all, '党组理论学习中心组学习')!;
    expect(study.unit).toBe('次');
    expect(values(study)).toEqual([[2021, 20], [2022, 22], [2023, 24]]);
    expect(study.points.map((p) => [p.section, p.reportId])).toEqual([
      ['1.1.1', '2021/明湖市社会科学界联合会-述职报告'], ['1.1.1', '2022/明湖市社会科学界联合会-述职报告'], ['1.1.1', '2023/明湖市社会科学界联合会-述职报告'],
    ]);
    expect(study.points[2]!.sentence).toContain('全年共组织党组理论学习中心组学习24次');
    expect(values(find(all, '集体学习'))).toEqual([[2021, 26], [2022, 30], [2023, 32]]);
    expect(values(find(all, '研讨交流'))).toEqual([[2021, 7], [2022, 9], [2023, 10]]); // 2021: 专题研讨交流
    expect(values(find(all, '巡回指导'))).toEqual([[2022, 18], [2023, 24]]);
  });

  it('follows 文旅局 接待游客 386.5 → 312.4 → 528.7万人次 and keeps rises and falls apart', () => {
    const all = unitSeries('明湖市文化广电和旅游局');
    expect(find(all, '全市接待游客')).toMatchObject({ unit: '万人次' });
    expect(values(find(all, '全市接待游客'))).toEqual([[2021, 386.5], [2022, 312.4], [2023, 528.7]]);
    expect(values(find(all, '实现旅游收入'))).toEqual([[2021, 32.6], [2022, 26.9], [2023, 46.8]]);
    expect(values(find(all, 'A级旅游景区总数'))).toEqual([[2021, 21], [2022, 23], [2023, 25]]);
    // 2022's "同比下降19.2%" is not a point of the 同比增长 series.
    expect(values(find(all, '全市接待游客同比增长'))).toEqual([[2021, 18.6], [2023, 69.2]]);
  });

  it('keeps a target apart from the result: 东城区 地区生产总值增长 planned 6.5/6/5.5, achieved 8.1/3.6/5.8', () => {
    const all = unitSeries('明湖市东城区人民政府');
    expect(values(find(all, '地区生产总值增长', 'planned'))).toEqual([[2022, 6.5], [2023, 6], [2024, 5.5]]);
    expect(values(find(all, '完成地区生产总值同比增长'))).toEqual([[2022, 8.1], [2023, 3.6], [2024, 5.8]]);
    expect(values(find(all, '完成地区生产总值'))).toEqual([[2022, 486.3], [2023, 504.2], [2024, 531.5]]);
    expect(values(find(all, '改造老旧小区'))).toEqual([[2022, 23], [2023, 31], [2024, 28]]);
    expect(values(find(all, '新增公共停车泊位'))).toEqual([[2022, 1800], [2023, 2150], [2024, 3260]]);
  });

  it('returns series of two years or more, longest first, one point a year', () => {
    const all = unitSeries('明湖市东城区人民政府');
    expect(all.every((s) => s.points.length >= 2 && new Set(s.points.map((p) => p.year)).size === s.points.length)).toBe(true);
    expect(all.every((s, i) => i === 0 || all[i - 1]!.points.length >= s.points.length)).toBe(true);
    expect(buildMetricSeries(sample.filter((r) => r.unit === '明湖市东城区人民政府'), { minYears: 3 }).every((s) => s.points.length === 3)).toBe(true);
  });
});

describe('buildMetricSeries on the national reports 2014–2025', () => {
  const years = Array.from({ length: 12 }, (_, i) => 2014 + i);
  const all = buildMetricSeries(loadCorpusSeries('gov-work-reports', '国务院', years));

  it('finds the GDP growth target in every year that set one (all but 2020)', () => {
    const target = find(all, '国内生产总值增长', 'planned')!;
    expect(target.unit).toBe('%');
    expect(target.points.map((p) => p.year)).toEqual(years.filter((y) => y !== 2020));
    expect(target.points.map((p) => p.valueMax === undefined ? p.value : `${p.value}–${p.valueMax}`)).toEqual(
      [7.5, 7, '6.5–7', 6.5, 6.5, '6–6.5', 6, 5.5, 5, 5, 5],
    );
    expect(target.points.find((p) => p.year === 2021)!.qualifier).toBe('以上');
  });

  it('keeps the growth achieved as its own series', () => {
    const achieved = find(all, '国内生产总值增长')!;
    expect(values(achieved)?.filter(([year]) => year! >= 2021)).toEqual([[2021, 2.3], [2022, 8.1], [2023, 3], [2024, 5.2], [2025, 5]]);
  });
});

describe('buildMetricSeries leaves out figures that are not the year’s own', () => {
  const years = [2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014];
  const all = buildMetricSeries(loadCorpusSeries('gov-work-reports', '国务院', years));

  it('takes 2006’s 城镇新增就业 from the year (970万人), not the five-year total after 五年来 (4200万人)', () => {
    const jobs = find(all, '城镇新增就业')!;
    expect(jobs.points.find((p) => p.year === 2006)!.value).toBe(970);
    expect(jobs.points.some((p) => p.value === 4200)).toBe(false);
  });

  it('takes 2013’s 国内生产总值 as the level reached (51.9万亿元), not the start of 从26.6万亿元增加到51.9万亿元', () => {
    const gdp = find(all, '国内生产总值')!;
    expect(gdp.unit).toBe('万亿元');
    expect(gdp.points.find((p) => p.year === 2013)!.value).toBe(51.9);
    expect(gdp.points.some((p) => p.value === 26.6)).toBe(false);
  });
});

describe('renderSparklineSvg', () => {
  const visitors = find(unitSeries('明湖市文化广电和旅游局'), '全市接待游客')!;
  const svgOf = (markup: string) => childElements(parseXmlTree(markup), 'svg')[0]!;
  const text = (element: XmlElement) => element.children.filter((c) => typeof c === 'string').join('');

  it('draws a line, a dot and a year per point, and reads out the values', () => {
    const svg = svgOf(renderSparklineSvg(visitors, { width: 120, height: 40 }));
    expect(svg.attrs).toMatchObject({ role: 'img', width: '120', height: '40', viewBox: '0 0 120 40' });
    expect(svg.children[0]).toMatchObject({ name: 'title' });
    expect(text(svg.children[0] as XmlElement)).toBe('全市接待游客（万人次）：2021年 386.5，2022年 312.4，2023年 528.7');
    const line = descendants(svg, 'polyline')[0]!.attrs['points']!.split(' ').map((xy) => xy.split(',').map(Number));
    expect(line).toHaveLength(3);
    // Left to right by year; the 2022 dip is the lowest point (largest y), 2023 the highest.
    expect(line.map(([x]) => x)).toEqual([...line.map(([x]) => x)].sort((a, b) => a! - b!));
    expect(Math.max(...line.map(([, y]) => y!))).toBe(line[1]![1]);
    expect(Math.min(...line.map(([, y]) => y!))).toBe(line[2]![1]);
    expect(line.every(([x, y]) => x! >= 0 && x! <= 120 && y! >= 0 && y! <= 40)).toBe(true);
    expect(descendants(svg, 'circle')).toHaveLength(3);
    expect(descendants(svg, 'text').map(text)).toEqual(['2021', '2022', '2023']);
  });

  it('writes only the first and last year when a long series would crowd them, and escapes text', () => {
    const long: MetricSeries = {
      label: '“A&B”<测试>', unit: '%', basis: 'planned',
      points: Array.from({ length: 12 }, (_, i) => ({ year: 2014 + i, value: 5, reportId: `${2014 + i}`, label: 'x', sentence: '', section: null })),
    };
    const markup = renderSparklineSvg(long);
    expect(markup).toContain('“A&amp;B”&lt;测试&gt;（%）');
    const svg = svgOf(markup);
    expect(descendants(svg, 'text').map(text)).toEqual(['2014', '2025']);
    // Equal values sit on one horizontal line in the middle.
    expect(new Set(descendants(svg, 'circle').map((c) => c.attrs['cy'])).size).toBe(1);
  });

  it('draws a single point without a line', () => {
    const one = { ...visitors, points: visitors.points.slice(0, 1) };
    const svg = svgOf(renderSparklineSvg(one));
    expect(descendants(svg, 'polyline')).toEqual([]);
    expect(descendants(svg, 'circle')[0]!.attrs).toMatchObject({ cx: '80' });
  });
});

describe('metricClause', () => {
  it('cuts a sentence to the clause that states the figure', () => {
    expect(metricClause('城镇新增就业1361万人、调查失业率稳定在5%左右的较低水平。', '城镇新增就业')).toBe('城镇新增就业1361万人、调查失业率稳定在5%左右的较低水平…');
    expect(metricClause('2004年，国内生产总值达到13.65万亿元，比上年增长9.5%；财政收入2.63万亿元，增长21.4%。', '财政收入')).toBe('…财政收入2.63万亿元…');
    expect(metricClause('货物进出口总额增长7.7%。', '货物进出口总额')).toBe('货物进出口总额增长7.7%…');
  });

  it('keeps the figure of every metric of the corpus series, and halves what the tooltips weigh', () => {
    const series = buildMetricSeries(loadCorpusSeries('gov-work-reports', '国务院', [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]));
    const points = series.flatMap((s) => s.points);
    expect(points.length).toBeGreaterThan(100);
    let whole = 0;
    let cut = 0;
    for (const point of points) {
      const clause = metricClause(point.sentence, point.label);
      whole += point.sentence.length;
      cut += clause.length;
      if (point.sentence.includes(point.label)) expect(clause, point.sentence).toContain(point.label);
      expect(clause.replace(/^…|…$/g, '').length).toBeLessThanOrEqual(point.sentence.length);
    }
    expect(cut / whole).toBeLessThan(0.5);
  });
});
