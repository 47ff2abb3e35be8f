import { describe, expect, it } from 'vitest';
import { loadSampleArchive } from '../../../bench/follow-up-quality.ts';
import { resolveFollowUps } from '../../../src/lib/compare/follow-up.ts';
import { collectTargetSeries, describeTargetPoint, renderTargetChartSvg, type TargetSeries } from '../../../src/lib/compare/target-chart.ts';
import { buildTargetTables } from '../../../src/lib/compare/target-table.ts';
import { childElements, descendants, parseXmlTree, type XmlElement } from '../../../src/lib/import/xml-tree.ts';

const sample = loadSampleArchive();
const { followUps } = resolveFollowUps(sample);
const tables = buildTargetTables(sample, new Map(followUps.map((f) => [f.commitmentKey, f])));
const unitSeries = (unit: string) => collectTargetSeries(sample.filter((r) => r.unit === unit).flatMap((r) => tables.get(r.id) ?? []));

describe('collectTargetSeries on the sample archive', () => {
  const all = unitSeries('明湖市东城区人民政府');
  const gdp = all.find((s) => s.label === '地区生产总值增长')!;

  it('puts 东城区’s growth targets 6.5/6/5.5%左右 with their outcomes 3.6/5.8% on one series', () => {
    expect(gdp.unit).toBe('%');
    expect(gdp.points.map((p) => [p.year, p.target.value, p.target.qualifier, p.outcome?.value, p.verdict])).toEqual([
      [2022, 6.5, '左右', 3.6, '未达成'], [2023, 6, '左右', 5.8, '未达成'], [2024, 5.5, '左右', undefined, '无结果'],
    ]);
    expect(gdp.points[0]!.outcome!.reportId).toBe('2023/明湖市东城区人民政府-政府工作报告');
  });

  it('keeps levels, rises and falls of an indicator apart, and only indicators with two figures to draw', () => {
    for (const series of all) expect(series.points.length + series.points.filter((p) => p.outcome).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((s) => s.label === '地区生产总值增长')).toHaveLength(1);
    expect(new Set(all.map((s) => `${s.label}|${s.unit}`)).size).toBe(all.length);
  });
});

describe('renderTargetChartSvg', () => {
  const series: TargetSeries = {
    label: '国内生产总值增长', unit: '%',
    points: [
      { year: 2023, reportId: 'a', anchor: 'c-1', target: { label: '国内生产总值增长', value: 5, unit: '%', qualifier: '左右' }, outcome: { value: 5.2, reportId: 'b', section: '1' }, verdict: '达成' },
      { year: 2024, reportId: 'b', anchor: 'c-1', target: { label: '国内生产总值增长', value: 5, unit: '%', qualifier: '左右' }, outcome: { value: 5, reportId: 'c', section: '1' }, verdict: '达成' },
      { year: 2025, reportId: 'c', anchor: 'c-1', target: { label: '国内生产总值增长', value: 4.5, valueMax: 5, unit: '%' }, verdict: '无结果' },
    ],
  };
  const markup = renderTargetChartSvg(series, { id: 'g' });
  const svg = childElements(parseXmlTree(markup), 'svg')[0]!;
  const text = (element: XmlElement) => element.children.filter((c) => typeof c === 'string').join('');

  it('is an image labelled by its title and a description of every year', () => {
    expect(svg.attrs).toMatchObject({ role: 'img', 'aria-labelledby': 'g-t g-d', viewBox: '0 0 320 120' });
    expect(text(descendants(svg, 'title')[0]!)).toBe('国内生产总值增长：目标与实绩（%）');
    expect(descendants(svg, 'title')[0]!.attrs['id']).toBe('g-t');
    expect(text(descendants(svg, 'desc')[0]!)).toBe('2023–2025年 3 个目标：达成 2，未达成 0，无结果 1');
    expect(describeTargetPoint(series.points[0]!, '%')).toBe('2023年 目标 5%左右，实绩 5.2%（达成）');
    expect(describeTargetPoint(series.points[2]!, '%')).toBe('2025年 目标 4.5%-5%，尚无实绩');
  });

  it('draws the outcomes as a line of dots and each target as its own marker, a range as a bar', () => {
    const paths = descendants(svg, 'path');
    const byClass = (name: string) => paths.find((p) => p.attrs['class'] === name)!.attrs['d']!;
    // Dots: one zero-length round stroke per outcome, in year order.
    const dots = [...byClass('outcome').matchAll(/M([\d.]+) ([\d.]+)h0/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(dots).toHaveLength(2);
    expect(byClass('outcome-line')).toBe(`M${dots.map(([x, y]) => `${x} ${y}`).join('L')}`);
    // Targets: a diamond a year, and a bar for the 2025 range.
    const target = byClass('target');
    expect(target.match(/z/g)).toHaveLength(3);
    expect(target.match(/V/g)).toHaveLength(1);
    // The higher outcome (5.2%) sits above the other (smaller y); all inside the box.
    expect(dots[0]![1]).toBeLessThan(dots[1]![1]!);
    expect(dots.every(([x, y]) => x! <= 320 && y! <= 120)).toBe(true);
    expect(descendants(svg, 'text').map(text)).toEqual(['5.2', '4.5', '2023', '2024', '2025']);
  });

  it('stays compact: a few dozen bytes a year', () => {
    expect(markup.length).toBeLessThan(1200);
    const long: TargetSeries = { ...series, points: Array.from({ length: 25 }, (_, i) => ({ ...series.points[0]!, year: 2000 + i })) };
    const big = renderTargetChartSvg(long, { id: 'x' });
    expect(big.length).toBeLessThan(900 + 25 * 60);
    expect(descendants(childElements(parseXmlTree(big), 'svg')[0]!, 'text').map(text).slice(-2)).toEqual(['2000', '2024']);
  });
});
