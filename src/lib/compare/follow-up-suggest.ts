// Suggested follow-ups: for each report, the sentences of the same unit's next report that best
// answer each of its promises. Term rarity is counted once over the whole archive; each report
// is indexed once, as the next report of its predecessor.

import type { AnalyzedCommitment } from '../structure/analyze.ts';
import { collectEvidenceCandidates, type EvidenceCandidate } from './evidence-candidates.ts';
import { describeShared, indexCandidates, rankEvidence, scoreEvidence, type RankOptions } from './evidence-rank.ts';
import { checkTarget, readOutcomes, type TargetOutcome, type TargetVerdict } from './target-outcome.ts';
import { countTerms, type TermStats } from './term-stats.ts';
import { readTerms, type TermOptions } from './chinese-terms.ts';
import type { SeriesReport } from './follow-up.ts';

export interface SuggestOptions extends RankOptions {
  terms?: TermOptions;
}

export interface FollowUpSuggestion extends EvidenceCandidate {
  score: number;
  terms: string[];
  /** On the sentence that gives a target's outcome: whether the target was reached. */
  verdict?: TargetVerdict;
}

export interface CommitmentSuggestions {
  suggestions: FollowUpSuggestion[];
  /** For a target with figures: its outcome in the next report and the verdict. */
  target?: TargetOutcome;
}

type Report = Pick<SeriesReport, 'id' | 'year' | 'unit' | 'analysis' | 'outline'>;

/** Each report with the unit's next report(s): those of the first later year. */
function pairWithNext<R extends Report>(reports: readonly R[]): { report: R; next: R[] }[] {
  const byUnit = new Map<string, R[]>();
  for (const report of reports) byUnit.set(report.unit, [...(byUnit.get(report.unit) ?? []), report]);
  return [...byUnit.values()].flatMap((series) => series.map((report) => {
    const nextYear = Math.min(...series.filter((r) => r.year > report.year).map((r) => r.year));
    return { report, next: series.filter((r) => r.year === nextYear) };
  }));
}

/** Term statistics over every promise and every review or problems sentence of the archive. */
export function countArchiveTerms(reports: readonly Report[], candidates: (report: Report) => EvidenceCandidate[], options: TermOptions = {}): TermStats {
  function* texts() {
    for (const report of reports) {
      for (const c of report.analysis.commitments) yield c.text;
      for (const candidate of candidates(report)) yield candidate.text;
    }
  }
  return countTerms(texts(), options);
}

/**
 * A target's outcome sentence comes first among its suggestions, marked with the verdict: it is the
 * answer even when other sentences share more words with the promise.
 */
function putOutcomeFirst(commitment: AnalyzedCommitment, ranked: FollowUpSuggestion[], target: TargetOutcome, candidates: EvidenceCandidate[], stats: TermStats, k: number): FollowUpSuggestion[] {
  const outcome = target.checks.find((c) => c.outcome)?.outcome;
  const candidate = outcome && candidates.find((c) => c.reportId === outcome.reportId && (c.text.includes(outcome.sentence) || outcome.sentence.includes(c.text)));
  if (!candidate) return ranked;
  const held = ranked.find((s) => s.text === candidate.text && s.section === candidate.section);
  const first = held ?? { ...candidate, score: scoreEvidence(commitment.text, candidate.text, stats), terms: describeShared(readTerms(commitment.text, stats.options), candidate.text, stats) };
  return [{ ...first, verdict: target.verdict }, ...ranked.filter((s) => s !== held)].slice(0, Math.max(k, 1));
}

// The overall requirement ("今年政府工作的总体要求是：…") is answered by the next report's overall
// verdict on the year ("较好地完成了年初确定的各项目标任务", "全年主要目标任务较好完成"), which shares
// few specific terms with it; that sentence comes first for it (and only for it).
const OVERALL_REQUIREMENT = /总体要求|指导思想|总基调/;
const OVERALL_VERDICT = /(?:完成|实现)[^。；]{0,14}目标任务|目标任务[^。；]{0,6}(?:完成|实现)|主要(?:经济)?指标[^。；]{0,12}前列/;

function putVerdictFirst(commitment: AnalyzedCommitment, ranked: FollowUpSuggestion[], candidates: EvidenceCandidate[], stats: TermStats, k: number): FollowUpSuggestion[] {
  const candidate = candidates.find((c) => c.role === 'review' && OVERALL_VERDICT.test(c.text));
  if (!candidate) return ranked;
  const held = ranked.find((s) => s.text === candidate.text && s.section === candidate.section);
  const first = held ?? { ...candidate, score: scoreEvidence(commitment.text, candidate.text, stats), terms: describeShared(readTerms(commitment.text, stats.options), candidate.text, stats) };
  return [first, ...ranked.filter((s) => s !== held)].slice(0, Math.max(k, 1));
}

/** Suggestions keyed "<report id>#<commitment id>", for the commitments `wanted` accepts. */
export function suggestForArchive(
  reports: readonly SeriesReport[],
  wanted: (report: SeriesReport, commitment: AnalyzedCommitment) => boolean,
  options: SuggestOptions = {},
): Map<string, CommitmentSuggestions> {
  const candidateCache = new Map<string, EvidenceCandidate[]>();
  const candidates = (report: Report) => {
    let list = candidateCache.get(report.id);
    if (!list) candidateCache.set(report.id, (list = collectEvidenceCandidates(report)));
    return list;
  };
  const stats = countArchiveTerms(reports, candidates, options.terms);
  const out = new Map<string, CommitmentSuggestions>();
  for (const { report, next } of pairWithNext(reports)) {
    if (next.length === 0) continue;
    const nextCandidates = next.flatMap(candidates);
    const index = indexCandidates(nextCandidates, stats);
    let outcomes: ReturnType<typeof readOutcomes> | undefined;
    for (const commitment of report.analysis.commitments) {
      if (!wanted(report, commitment)) continue;
      let suggestions: FollowUpSuggestion[] = rankEvidence(commitment.text, index, stats, options).map(({ candidate, score, terms }) => ({ ...candidate, score, terms }));
      const target = commitment.targets ? checkTarget(commitment, next[0]!, (outcomes ??= readOutcomes(next[0]!))) ?? undefined : undefined;
      if (target && target.verdict !== '无结果') suggestions = putOutcomeFirst(commitment, suggestions, target, nextCandidates, stats, options.k ?? 3);
      else if (commitment.kind === 'general' && OVERALL_REQUIREMENT.test(commitment.text)) suggestions = putVerdictFirst(commitment, suggestions, nextCandidates, stats, options.k ?? 3);
      out.set(`${report.id}#${commitment.id}`, { suggestions, ...(target ? { target } : {}) });
    }
  }
  return out;
}

/**
 * Suggestions for one promise of year `year` among `laterReports` (their first later year only),
 * with term statistics over those reports alone: for a quick look; the build goes through
 * resolveFollowUps, which counts terms over the whole archive.
 */
export function suggestFollowUps(commitment: Pick<AnalyzedCommitment, 'text'>, laterReports: readonly Report[], options: SuggestOptions & { year: number }): FollowUpSuggestion[] {
  const later = laterReports.filter((r) => r.year > options.year);
  const nextYear = Math.min(...later.map((r) => r.year));
  const next = later.filter((r) => r.year === nextYear);
  const candidates = next.flatMap((r) => collectEvidenceCandidates(r));
  const stats = countTerms([commitment.text, ...candidates.map((c) => c.text)], options.terms);
  return rankEvidence(commitment.text, indexCandidates(candidates, stats), stats, options)
    .map(({ candidate, score, terms }) => ({ ...candidate, score, terms }));
}
