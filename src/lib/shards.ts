// An archive too large for one Astro build and one Pagefind index is built in shards: consecutive years,
// each shard its own pages and its own search index, beside one build of the archive-wide pages.
// A shard also reads, without publishing them, each of its reports' neighbours in the same unit (the
// previous and next reports): the compare page of its first year needs the year before, the follow-ups
// and targets of its last year need the year after.

export interface ShardReport {
  /** The report's file, relative to the reports folder. */
  file: string;
  unit: string;
  year: number;
  /** Files of the reports whose commitments this one answers with explicit follow-ups. */
  answers?: readonly string[];
}

export interface Shard {
  /** `2001-2005`: the years it publishes, also the folder of its search index. */
  name: string;
  from: number;
  to: number;
  /** Files of the reports it publishes, in the order given. */
  own: string[];
  /** Files of its units' reports of the nearest year before and after it, read for analysis only. */
  context: string[];
}

/** Reports a shard publishes at most, by default: a 1,000-report build fits in the memory of a reference build. */
export const DEFAULT_SHARD_REPORTS = 1000;

/** Archives larger than this are built in shards by `nianjian build`. */
export const SHARD_THRESHOLD = 1500;

/**
 * Consecutive years, as many as fit `maxReports` reports (a year larger than that is a shard of its own),
 * with the reports of each unit's nearest year before and after the shard as context, and any later report
 * that answers one of its reports with an explicit follow-up.
 */
export function planShards(reports: readonly ShardReport[], maxReports = DEFAULT_SHARD_REPORTS): Shard[] {
  const perYear = new Map<number, ShardReport[]>();
  for (const report of reports) perYear.set(report.year, perYear.get(report.year) ?? []).get(report.year)!.push(report);
  const ranges: { from: number; to: number; count: number }[] = [];
  for (const year of [...perYear.keys()].sort((a, b) => a - b)) {
    const count = perYear.get(year)!.length;
    const last = ranges.at(-1);
    if (last && last.count + count <= maxReports) {
      last.to = year;
      last.count += count;
    } else {
      ranges.push({ from: year, to: year, count });
    }
  }
  // Each unit's reports by year, to find its neighbouring years.
  const byUnit = new Map<string, ShardReport[]>();
  for (const report of reports) byUnit.set(report.unit, byUnit.get(report.unit) ?? []).get(report.unit)!.push(report);
  for (const list of byUnit.values()) list.sort((a, b) => a.year - b.year);
  return ranges.map(({ from, to }) => {
    const inRange = (report: ShardReport) => report.year >= from && report.year <= to;
    const own = reports.filter(inRange).map((report) => report.file);
    const context: string[] = [];
    for (const list of byUnit.values()) {
      if (!list.some(inRange)) continue;
      const before = list.findLast((report) => report.year < from)?.year;
      const after = list.find((report) => report.year > to)?.year;
      context.push(...list.filter((report) => report.year === before || report.year === after).map((report) => report.file));
    }
    // A later report that answers one of this shard's reports explicitly, however many years later: its
    // follow-ups belong in that report's ledger.
    const published = new Set(own);
    for (const report of reports) {
      // Few reports answer others: test that first, not every report against the context list.
      if (report.answers?.some((file) => published.has(file)) && !inRange(report) && !context.includes(report.file)) context.push(report.file);
    }
    return { name: from === to ? String(from) : `${from}-${to}`, from, to, own, context: context.sort() };
  });
}
