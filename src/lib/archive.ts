/** Pure grouping and ordering of the archive's reports; pages call these, tests call them with plain arrays. */

export interface ReportSummary {
  id: string;
  title: string;
  year: number;
  unit: string;
  kind: string;
  date?: string | undefined;
  author?: string | undefined;
  summary?: string | undefined;
  tags: string[];
  confidentiality: 'public' | 'internal';
}

const collator = new Intl.Collator('zh-CN');

/** Units listed in the site config come first, in that order; the others follow by name. */
export function orderUnits(configured: readonly string[], reports: readonly ReportSummary[]): string[] {
  const present = new Set(reports.map((report) => report.unit));
  const listed = configured.filter((unit) => present.has(unit));
  const rest = [...present].filter((unit) => !configured.includes(unit)).sort(collator.compare);
  return [...listed, ...rest];
}

/** Kinds in the site config's order, only those that occur. */
export function orderKinds(configured: readonly string[], reports: readonly ReportSummary[]): string[] {
  const present = new Set(reports.map((report) => report.kind));
  return configured.filter((kind) => present.has(kind));
}

/** Newest year first; within a year by unit order, then kind, then title. */
export function sortReports(reports: readonly ReportSummary[], unitOrder: readonly string[]): ReportSummary[] {
  const unitRank = (unit: string) => {
    const rank = unitOrder.indexOf(unit);
    return rank === -1 ? unitOrder.length : rank;
  };
  return [...reports].sort(
    (a, b) =>
      b.year - a.year ||
      unitRank(a.unit) - unitRank(b.unit) ||
      collator.compare(a.kind, b.kind) ||
      collator.compare(a.title, b.title) ||
      a.id.localeCompare(b.id),
  );
}

export interface YearGroup {
  year: number;
  reports: ReportSummary[];
}

/** Reports grouped by year, newest first, keeping the given order inside each year. */
export function groupByYear(reports: readonly ReportSummary[]): YearGroup[] {
  const groups = new Map<number, ReportSummary[]>();
  for (const report of reports) {
    const group = groups.get(report.year) ?? [];
    group.push(report);
    groups.set(report.year, group);
  }
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, reports: list }));
}

/** The same unit's report of the same kind in the nearest earlier and later year. */
export function findNeighbours(
  report: ReportSummary,
  reports: readonly ReportSummary[],
): { previous: ReportSummary | undefined; next: ReportSummary | undefined } {
  const series = reports.filter((other) => other.unit === report.unit && other.kind === report.kind && other.id !== report.id);
  const earlier = series.filter((other) => other.year < report.year).sort((a, b) => b.year - a.year);
  const later = series.filter((other) => other.year > report.year).sort((a, b) => a.year - b.year);
  return { previous: earlier[0], next: later[0] };
}

/** The most recent reports: by delivery date where given, else by year. */
export function latestReports(reports: readonly ReportSummary[], count: number): ReportSummary[] {
  const key = (report: ReportSummary) => report.date ?? `${report.year}-12-31`;
  return [...reports].sort((a, b) => key(b).localeCompare(key(a)) || a.id.localeCompare(b.id)).slice(0, count);
}

/** A URL path segment for a unit or kind name: readable Chinese, without characters that break paths. */
export function toPathSegment(name: string): string {
  return name.trim().replace(/[\s/\\?#%]+/g, '-');
}

export const routes = {
  home: (base: string) => base,
  years: (base: string) => `${base}years/`,
  year: (base: string, year: number) => `${base}years/${year}/`,
  units: (base: string) => `${base}units/`,
  unit: (base: string, unit: string) => `${base}units/${toPathSegment(unit)}/`,
  kinds: (base: string) => `${base}kinds/`,
  kind: (base: string, kind: string) => `${base}kinds/${toPathSegment(kind)}/`,
  report: (base: string, id: string) => `${base}reports/${id}/`,
  /** A report's 目标完成情况: its targets against the next report's outcomes. */
  reportTargets: (base: string, id: string) => `${base}reports/${id}/targets/`,
  search: (base: string) => `${base}search/`,
  ledgerYear: (base: string, year: number) => `${base}commitments/${year}/`,
  ledgerUnit: (base: string, year: number, unit: string) => `${base}commitments/${year}/${toPathSegment(unit)}/`,
  /** The year's ledger as an Excel workbook, built with the site. */
  ledgerWorkbook: (base: string, year: number) => `${base}commitments/${year}/${ledgerWorkbookName(year)}`,
};

/** The file name of a year's ledger workbook: 台账-2024.xlsx. */
export function ledgerWorkbookName(year: number): string {
  return `台账-${year}.xlsx`;
}
