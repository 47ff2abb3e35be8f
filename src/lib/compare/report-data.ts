// The per-report data file (data/reports/<id>.json.gz): the analysis `nianjian analyze` prints, with each
// commitment's follow-ups, shaped to stay small at archive size. Readers (the search's 只看承诺, the compare
// page, the ledger, other tools) read it with `parseReportDataFile` and get the documented shapes back through
// `sectionPathOf` and `followUpsOf`.

import type { AnalyzedCommitment, AnalyzedMetric, AnalyzedSection, ReportAnalysis } from '../structure/analyze.ts';
import { CLOSING_SECTION_ID, CLOSING_TITLE } from '../structure/closing-section.ts';
import type { FollowUpEntry, PageFollowUp, TargetOutcome } from './follow-up.ts';

/** A passage of a later report that follows up commitments; stored once per data file. */
export interface DataEvidence {
  report: string;
  year: number;
  section: string | null;
  anchor: string | null;
  /** The whole sentence or passage as it stands in the later report (explicit: the author's evidence). */
  text: string;
}

/** One follow-up: the index of its passage in `evidence`, with what is particular to this commitment. */
export interface DataFollowUp {
  evidence: number;
  score: number;
  source: FollowUpEntry['source'];
  status?: FollowUpEntry['status'];
  verdict?: FollowUpEntry['verdict'];
}

export type DataCommitment = Omit<AnalyzedCommitment, 'sectionPath' | 'headingId' | 'anchor'> & {
  /** Only where it is not the commitment's id (a whole-section item links its heading): read it with `commitmentAnchorOf`. */
  anchor?: string;
  followUps: DataFollowUp[];
  target?: TargetOutcome;
};

/** Where a data file's commitment is on its report's page: the id of its anchor. */
export function commitmentAnchorOf(commitment: { id: string; anchor?: string | undefined }): string {
  return commitment.anchor ?? commitment.id;
}

export type ReportDataFile<Summary> = Summary & Omit<ReportAnalysis, 'commitments' | 'metrics'> & {
  commitments: DataCommitment[];
  /** Every passage the commitments' follow-ups point at, each once (a later report's sentence often answers several promises). */
  evidence: DataEvidence[];
  /** Without their sentences: the report's page carries the text. */
  metrics: Omit<AnalyzedMetric, 'sentence'>[];
};

/**
 * Suggestions kept per commitment: the ledger shows three, best first. Explicit entries are always kept.
 * More made the data of a 1,000-report archive several hundred megabytes.
 */
export const DATA_SUGGESTIONS = 3;

/** The data file's content for one report. */
export function toReportData<Summary extends object>(
  summary: Summary,
  analysis: ReportAnalysis,
  followUpOf: (commitmentId: string) => PageFollowUp | undefined,
): ReportDataFile<Summary> {
  const evidence: DataEvidence[] = [];
  const evidenceIndex = new Map<string, number>();
  const indexOf = (entry: FollowUpEntry): number => {
    const key = `${entry.report}\u0000${entry.anchor ?? ''}\u0000${entry.text}`;
    let index = evidenceIndex.get(key);
    if (index === undefined) {
      index = evidence.push({ report: entry.report, year: entry.year, section: entry.section, anchor: entry.anchor, text: entry.text }) - 1;
      evidenceIndex.set(key, index);
    }
    return index;
  };
  // Almost every commitment is its own anchor: writing the id twice was 1.6 MB (compressed) over 1,000 reports.
  const commitments = analysis.commitments.map(({ sectionPath: _path, headingId: _heading, anchor, ...commitment }): DataCommitment => {
    const resolved = followUpOf(commitment.id);
    const entries = resolved?.followUps ?? [];
    const kept = [...entries.filter((e) => e.source === 'explicit'), ...entries.filter((e) => e.source === 'suggested').slice(0, DATA_SUGGESTIONS)];
    const followUps = kept.map((entry): DataFollowUp => ({
      evidence: indexOf(entry),
      score: entry.score,
      source: entry.source,
      ...(entry.status ? { status: entry.status } : {}),
      ...(entry.verdict ? { verdict: entry.verdict } : {}),
    }));
    return { ...commitment, ...(anchor !== commitment.id ? { anchor } : {}), followUps, ...(resolved?.target ? { target: resolved.target } : {}) };
  });
  const metrics = analysis.metrics.map(({ sentence: _sentence, ...metric }) => metric);
  return { ...analysis, ...summary, commitments, evidence, metrics };
}

/** A report id as a URL path ("2022/x" with each segment encoded), for its data file and its page. */
export function encodeReportId(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

/**
 * Data files are JSON compressed with gzip, as Pagefind stores its own index: a 1,000-report archive's
 * data is 135 MB as JSON and 29 MB compressed, and static hosts send .gz files as they are.
 * Read one with `gunzip -c 2024/x.json.gz | jq` or `parseReportDataFile`.
 */
export const REPORT_DATA_SUFFIX = '.json.gz';

/** A report's data file under data/reports/, as a URL path ("2022/x.json.gz" with each segment encoded). */
export function reportDataFilePath(id: string): string {
  return `${encodeReportId(id)}${REPORT_DATA_SUFFIX}`;
}

/** Report `id`'s data file fetched from `dataPath` (the site's data/reports/), parsed; an error names the report. */
export async function fetchReportDataFile<Data>(dataPath: string, id: string): Promise<Data> {
  const response = await fetch(`${dataPath}${reportDataFilePath(id)}`);
  if (!response.ok) throw new Error(`读取报告数据失败（${response.status}）：${id}`);
  return parseReportDataFile<Data>(await response.arrayBuffer());
}

/**
 * A data file's content from its bytes: gzip as the build writes it, or already decompressed (a host that
 * sends .gz files with `Content-Encoding: gzip` has the browser decompress them before script sees them).
 * Web-standard DecompressionStream, so the browser and Node read alike.
 */
export async function parseReportDataFile<Data>(bytes: ArrayBuffer | Uint8Array): Promise<Data> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const gzipped = view[0] === 0x1f && view[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([view as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(view);
  return JSON.parse(text) as Data;
}

/** A commitment's follow-ups as whole entries (`{ report, section, anchor, text, score, source, … }`), best first. */
export function followUpsOf(data: { evidence: readonly DataEvidence[] }, commitment: { followUps: readonly DataFollowUp[] }) {
  return commitment.followUps.map(({ evidence, ...rest }) => ({ ...data.evidence[evidence]!, ...rest }));
}

/** The titles from the top-level section down to section `id` ("3.2" → ["三、…", "（二）…"]). */
export function sectionPathOf(sections: readonly AnalyzedSection[], id: string): string[] {
  if (id === CLOSING_SECTION_ID) return [CLOSING_TITLE];
  const path: string[] = [];
  let level: readonly AnalyzedSection[] = sections;
  for (;;) {
    const next = level.find((section) => id === section.id || id.startsWith(`${section.id}.`));
    if (!next) return path;
    path.push(next.title);
    if (next.id === id) return path;
    level = next.children;
  }
}
