// Which passage of a later report tells how an earlier promise went: the author's own
// `followUps` in frontmatter first, then suggestions: sentences of the same unit's next report
// ranked by a Chinese similarity that rewards rare shared terms (evidence-rank.ts).

import { toHeadingId, type AnalyzedCommitment } from '../structure/analyze.ts';
import type { ReportWithBodies } from './compare.ts';
import { flattenOutline } from '../structure/outline.ts';
import type { ReportFrontmatter } from '../report-schema.ts';
import type { CommitmentKind } from '../structure/commitments.ts';
import { suggestForArchive, type CommitmentSuggestions, type SuggestOptions } from './follow-up-suggest.ts';
import type { TargetOutcome, TargetVerdict } from './target-outcome.ts';

export { suggestFollowUps, type FollowUpSuggestion, type SuggestOptions } from './follow-up-suggest.ts';
export { DEFAULT_THRESHOLD } from './evidence-rank.ts';
export type { TargetOutcome, TargetVerdict } from './target-outcome.ts';

export type ExplicitFollowUp = ReportFrontmatter['followUps'][number];

/** One report of a unit's series, as follow-up matching needs it. */
export interface SeriesReport extends ReportWithBodies {
  /** Path below content/reports without extension: "2022/明湖市社会科学界联合会-述职报告". */
  id: string;
  year: number;
  unit: string;
  followUps?: readonly ExplicitFollowUp[];
}

/** One follow-up of a commitment as the data and the ledger show it, best first. */
export interface FollowUpEntry {
  report: string;
  year: number;
  /** Section id and the HTML id to link to; null for an explicit entry that names no section. */
  section: string | null;
  anchor: string | null;
  /** The whole sentence as it stands in the later report (explicit: the author's evidence). */
  text: string;
  /** 0..1; 1 for an explicit entry. */
  score: number;
  source: 'explicit' | 'suggested';
  /** An explicit entry's status (落实 / 推进中 / 未落实 / 调整). */
  status?: ExplicitFollowUp['status'];
  /** For a suggestion: what it shares with the promise. */
  terms?: string[];
  /** On the sentence with a target's outcome: 达成 / 未达成. */
  verdict?: TargetVerdict;
}

export interface ResolvedFollowUp {
  /** "<report id>#<commitment id>". */
  commitmentKey: string;
  text: string;
  kind?: CommitmentKind;
  /** Explicit entries first (latest report first), then suggestions, best first. */
  followUps: FollowUpEntry[];
  /** What later reports say in their frontmatter `followUps`. */
  explicit: { reportId: string; year: number; status: ExplicitFollowUp['status']; evidence: string | null; anchor?: string }[];
  /** Only for commitments without an explicit follow-up. */
  suggested: { reportId: string; year: number; anchor: string; section: string; text: string; score: number; terms: string[]; verdict?: TargetVerdict }[];
  /** For a target with figures and a next report: the outcome found there and the verdict. */
  target?: TargetOutcome;
}

/**
 * What the site's pages read of a follow-up (report-data.ts, ledger.ts, target-table.ts): the entries, best
 * first, without the terms a suggestion shares with the promise, and not the suggestions a second time.
 */
export type PageFollowUp = Omit<ResolvedFollowUp, 'suggested'>;

/** A follow-up as the pages read it: the worker sends these, about 40% less to pass between threads. */
export function toPageFollowUp({ suggested: _suggested, ...item }: ResolvedFollowUp): PageFollowUp {
  return { ...item, followUps: item.followUps.map(({ terms: _terms, ...entry }) => entry) };
}

export interface FollowUpError {
  /** The report whose frontmatter holds the reference. */
  report: string;
  commitment: string;
  message: string;
}

/** The explicit entry's section as a section id: "1.2" and "s-1-2" both name section 1.2. */
function toSectionId(section: string): string {
  return section.startsWith('s-') ? section.slice(2).replaceAll('-', '.') : section;
}

function readExplicit(reports: readonly SeriesReport[], resolved: Map<string, ResolvedFollowUp>): FollowUpError[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const errors: FollowUpError[] = [];
  for (const report of reports) {
    for (const entry of report.followUps ?? []) {
      const [targetId = ''] = entry.commitment.split('#');
      const fail = (message: string) => errors.push({ report: report.id, commitment: entry.commitment, message });
      const target = byId.get(targetId);
      const item = resolved.get(entry.commitment);
      if (!target) { fail(`找不到报告“${targetId}”`); continue; }
      if (!item) { fail(`报告“${targetId}”中没有承诺“${entry.commitment.slice(targetId.length + 1)}”`); continue; }
      if (target.year >= report.year) { fail(`只能回应更早年份的承诺（${target.year} 年不早于 ${report.year} 年）`); continue; }
      const sectionId = entry.section === undefined ? undefined : toSectionId(entry.section);
      const section = sectionId === undefined ? undefined : flattenOutline(report.outline).find((s) => s.id === sectionId);
      if (sectionId !== undefined && !section) { fail(`本报告中没有第 ${entry.section} 节`); continue; }
      item.explicit.push({
        reportId: report.id, year: report.year, status: entry.status,
        evidence: entry.evidence ?? section?.body[0] ?? null,
        ...(sectionId !== undefined ? { anchor: toHeadingId(sectionId) } : {}),
      });
    }
  }
  return errors;
}

function explicitEntries(item: ResolvedFollowUp): FollowUpEntry[] {
  return [...item.explicit].sort((a, b) => b.year - a.year).map((e) => ({
    report: e.reportId, year: e.year, section: e.anchor ? toSectionId(e.anchor) : null, anchor: e.anchor ?? null,
    text: e.evidence ?? '', score: 1, source: 'explicit' as const, status: e.status,
  }));
}

/** How the site's build matches follow-ups, in the worker and in the pages alike: what PageFollowUp keeps. */
export const BUILD_MATCHING: SuggestOptions = { describe: false };

/**
 * Every commitment of every report with its follow-ups: the explicit ones from later
 * reports' frontmatter, and for the others suggestions from the same unit's next report.
 * References to a missing report, commitment or section are returned as errors.
 * A pure function of its arguments: term statistics are computed once per call, over the
 * archive it is given, and each report is compared with its unit's next report only.
 */
export function resolveFollowUps(reports: readonly SeriesReport[], options: SuggestOptions = {}): { followUps: ResolvedFollowUp[]; errors: FollowUpError[] } {
  const resolved = new Map<string, ResolvedFollowUp>();
  for (const report of reports) {
    for (const c of report.analysis.commitments) {
      const key = `${report.id}#${c.id}`;
      resolved.set(key, { commitmentKey: key, text: c.text, ...(c.kind ? { kind: c.kind } : {}), followUps: [], explicit: [], suggested: [] });
    }
  }
  const errors = readExplicit(reports, resolved);
  const open = (report: SeriesReport, c: AnalyzedCommitment) => resolved.get(`${report.id}#${c.id}`)!.explicit.length === 0;
  const suggestions = (options.k ?? 3) > 0 ? suggestForArchive(reports, open, options) : new Map<string, CommitmentSuggestions>();
  for (const item of resolved.values()) {
    const { suggestions: suggested = [], target } = suggestions.get(item.commitmentKey) ?? {};
    item.suggested = suggested.map(({ reportId, year, anchor, section, text, score, terms, verdict }) => ({ reportId, year, anchor, section, text, score, terms, ...(verdict ? { verdict } : {}) }));
    if (target) item.target = target;
    item.followUps = [
      ...explicitEntries(item),
      ...item.suggested.map((s) => ({
        report: s.reportId, year: s.year, section: s.section, anchor: s.anchor, text: s.text, score: s.score,
        source: 'suggested' as const, terms: s.terms, ...(s.verdict ? { verdict: s.verdict } : {}),
      })),
    ];
  }
  return { followUps: [...resolved.values()], errors };
}
