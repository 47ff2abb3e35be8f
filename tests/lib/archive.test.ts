import { describe, expect, it } from 'vitest';
import { findNeighbours, groupByYear, latestReports, orderUnits, routes, sortReports, toPathSegment, type ReportSummary } from '../../src/lib/archive.ts';

const report = (id: string, year: number, unit: string, kind = '述职报告', date?: string): ReportSummary => ({
  id, title: `${unit}${year}年${kind}`, year, unit, kind, date, tags: [], confidentiality: 'internal',
});
const reports = [
  report('a21', 2021, '市社科联'),
  report('a22', 2022, '市社科联'),
  report('a24', 2024, '市社科联'),
  report('b22', 2022, '文旅局', '工作总结', '2023-01-05'),
  report('c22', 2022, '东城区政府', '政府工作报告', '2022-02-10'),
  report('a22s', 2022, '市社科联', '专项报告'),
];

describe('archive grouping', () => {
  it('puts configured units first in their order, the rest by name', () => {
    expect(orderUnits(['市社科联', '不存在的单位'], reports)).toEqual(['市社科联', '东城区政府', '文旅局']);
  });

  it('groups by year, newest first, keeping the order inside a year', () => {
    const sorted = sortReports(reports, ['市社科联', '东城区政府', '文旅局']);
    expect(groupByYear(sorted).map((g) => [g.year, g.reports.map((r) => r.id)])).toEqual([
      [2024, ['a24']],
      [2022, ['a22', 'a22s', 'c22', 'b22']],
      [2021, ['a21']],
    ]);
  });

  it('finds the same unit and kind in the nearest earlier and later year, across gaps', () => {
    const { previous, next } = findNeighbours(reports[1]!, reports);
    expect(previous?.id).toBe('a21');
    expect(next?.id).toBe('a24');
    expect(findNeighbours(reports[0]!, reports).previous).toBeUndefined();
  });

  it('lists the latest by delivery date, falling back to the year', () => {
    expect(latestReports(reports, 3).map((r) => r.id)).toEqual(['a24', 'b22', 'a22']);
  });

  it('builds readable paths under a base', () => {
    expect(routes.unit('/archive/', '市委/市政府 办公室')).toBe('/archive/units/市委-市政府-办公室/');
    expect(toPathSegment(' 文旅局 ')).toBe('文旅局');
    expect(routes.report('/', '2022/文旅局-工作总结')).toBe('/reports/2022/文旅局-工作总结/');
  });
});
