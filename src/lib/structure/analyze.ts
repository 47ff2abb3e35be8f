// One call from a report's paragraphs to the JSON that `nianjian analyze <file>` prints and
// the build stores per report: outline with roles, commitments, metrics, title and year.

import { matchNumbering, parseOutline, toHalfWidthDigits, type Block, type Outline, type OutlineSection } from './outline.ts';
import { assignSectionRoles, parseRoleOverrides, type RoleKeywords, type SectionRole } from './section-roles.ts';
import { CLOSING_SECTION_ID, extractCommitments, type Commitment, type CommitmentKind } from './commitments.ts';
import { extractReportMetrics, type ReportMetric } from './metrics.ts';

export interface AnalyzedSection {
  id: string;
  title: string;
  level: number;
  role: SectionRole;
  children: AnalyzedSection[];
}

export interface AnalyzedCommitment {
  id: string;
  text: string;
  /** target (a number to reach), task (something to do) or general (intent, nothing to check). */
  kind: CommitmentKind;
  /** Section id ("3.2"); "end" for the closing after the last numbered section. */
  section: string;
  sectionPath: string[];
  /** HTML id of the section heading: "s-3-2" (the commitment's own anchor in the closing). */
  headingId: string;
  /** HTML id to link to: the commitment's own anchor, or its heading for a whole-section item. */
  anchor: string;
  /** For targets: the figures to reach, as in `metrics` ("国内生产总值增长5%左右"). */
  targets?: { label: string; value: number; valueMax?: number; unit: string; qualifier?: string }[];
}

export interface AnalyzedMetric {
  label: string;
  value: number;
  valueMax?: number;
  unit: string;
  qualifier?: string;
  sentence: string;
  /** Section id, or null for the preamble and closing. */
  section: string | null;
  /** Absent for the year's own figure: "multi-year" (五年来, 累计…) or "start" (从X增加到…). */
  period?: 'multi-year' | 'start';
}

export interface ReportAnalysis {
  title: string | null;
  /** The year the report is about (see inferYear). */
  year: number | null;
  sections: AnalyzedSection[];
  commitments: AnalyzedCommitment[];
  metrics: AnalyzedMetric[];
}

export interface AnalyzeInput {
  blocks: Block[];
  title?: string;
  year?: number;
  /** Role overrides from frontmatter `sectionRoles`, keyed by section id or heading text. */
  sectionRoles?: Record<string, SectionRole>;
  keywords?: RoleKeywords;
}

/** What the analysis reads of a report besides its blocks: frontmatter as written (checked here) or as validated. */
export function analyzeInputOf(blocks: Block[], frontmatter: { title?: unknown; year?: unknown; sectionRoles?: unknown }, keywords?: RoleKeywords): AnalyzeInput {
  const sectionRoles = parseRoleOverrides(frontmatter.sectionRoles);
  return {
    blocks,
    ...(typeof frontmatter.title === 'string' ? { title: frontmatter.title } : {}),
    ...(typeof frontmatter.year === 'number' ? { year: frontmatter.year } : {}),
    ...(sectionRoles ? { sectionRoles } : {}),
    ...(keywords ? { keywords } : {}),
  };
}

/** The analysis together with the pieces it was built from (the remark plugin needs block positions). */
export interface AnalyzedReportParts {
  analysis: ReportAnalysis;
  outline: Outline;
  roles: Record<string, SectionRole>;
  commitments: Commitment[];
  metrics: ReportMetric[];
}

/** One block per non-empty line (CRLF and CR too); each line is kept as written, indentation included. */
export function textToBlocks(text: string): Block[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ text: line }));
}

/** HTML id of a section heading: "3.2" → "s-3-2". */
export function toHeadingId(sectionId: string): string {
  return `s-${sectionId.replaceAll('.', '-')}`;
}

const DATE_LINE = /^[—－\-–]+\s*([0-9０-９]{4})年([0-9０-９]{1,2})月/;
const YEAR = /([0-9０-９]{4})\s*年/;

/**
 * A title is a short first line that is not a salutation, a date line or a heading:
 * "政 府 工 作 报 告" → "政府工作报告". Reports that open with "各位代表：" have none.
 */
export function inferTitle(blocks: readonly Block[]): string | null {
  const first = blocks.find((b) => b.text.trim() !== '')?.text.trim();
  if (!first || [...first].length > 40) return null;
  if (/[。！？；：:!?，,]$/.test(first) || DATE_LINE.test(first) || matchNumbering(first)) return null;
  return first.replace(/(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])/g, '');
}

function validYear(digits: string | undefined): number | null {
  if (!digits) return null;
  const year = Number(toHalfWidthDigits(digits));
  return year >= 1949 && year <= 2100 ? year : null;
}

/**
 * The year a report is about, for reports whose frontmatter does not say: the year in
 * the title; else the year of its review part ("一、2018年工作回顾" → 2018); else an
 * opening "2021年，…" (a 述职报告's year under review); else a date line
 * ("——2017年3月5日在…": delivered in the first half of a year, it reviews the year before).
 */
export function inferYear(blocks: readonly Block[], outline: Outline, roles: Record<string, SectionRole>, title: string | null): number | null {
  const fromTitle = validYear(title ? YEAR.exec(title)?.[1] : undefined);
  if (fromTitle) return fromTitle;
  const review = outline.sections.find((s) => roles[s.id] === 'review');
  const fromReview = validYear(review ? YEAR.exec(review.title)?.[1] : undefined);
  if (fromReview) return fromReview;
  const firstBody = [...outline.preamble, ...(review?.body ?? [])];
  const opening = firstBody.map((text) => /^([0-9０-９]{4})年[，,]/.exec(text)?.[1]).find(Boolean);
  const fromOpening = validYear(opening);
  if (fromOpening) return fromOpening;
  const dateLine = blocks.slice(0, 5).map((b) => DATE_LINE.exec(b.text.trim())).find(Boolean);
  const delivered = validYear(dateLine?.[1]);
  if (delivered && dateLine) return Number(toHalfWidthDigits(dateLine[2]!)) <= 6 ? delivered - 1 : delivered;
  return null;
}

function toAnalyzedSection(section: OutlineSection, roles: Record<string, SectionRole>): AnalyzedSection {
  return {
    id: section.id,
    title: section.title,
    level: section.level,
    role: roles[section.id] ?? 'other',
    children: section.children.map((child) => toAnalyzedSection(child, roles)),
  };
}

function toMetricFigure(m: { label: string; value: number; valueMax?: number; unit: string; qualifier?: string }) {
  return {
    label: m.label,
    value: m.value,
    ...(m.valueMax !== undefined ? { valueMax: m.valueMax } : {}),
    unit: m.unit,
    ...(m.qualifier !== undefined ? { qualifier: m.qualifier } : {}),
  };
}

/** Outline, roles, commitments and metrics of a report, plus the JSON-ready analysis. */
export function analyzeReportParts(input: AnalyzeInput): AnalyzedReportParts {
  const outline = parseOutline(input.blocks);
  const roleOptions = {
    ...(input.keywords ? { keywords: input.keywords } : {}),
    ...(input.sectionRoles ? { overrides: input.sectionRoles } : {}),
  };
  const roles = assignSectionRoles(outline, roleOptions);
  const commitments = extractCommitments(outline, roles);
  const metrics = extractReportMetrics(outline, roles);
  const title = input.title ?? inferTitle(input.blocks);
  const analysis: ReportAnalysis = {
    title,
    year: input.year ?? inferYear(input.blocks, outline, roles, title),
    sections: outline.sections.map((s) => toAnalyzedSection(s, roles)),
    commitments: commitments.map((c) => ({
      id: c.id,
      text: c.text,
      kind: c.kind,
      section: c.sectionId,
      sectionPath: c.sectionPath,
      headingId: c.sectionId === CLOSING_SECTION_ID ? c.id : toHeadingId(c.sectionId),
      anchor: c.form === 'item' ? toHeadingId(c.sectionId) : c.id,
      ...(c.metrics ? { targets: c.metrics.map(toMetricFigure) } : {}),
    })),
    metrics: metrics.map((m) => ({ ...toMetricFigure(m), sentence: m.sentence, section: m.sectionId, ...(m.period ? { period: m.period } : {}) })),
  };
  return { analysis, outline, roles, commitments, metrics };
}

/** The analysis JSON of a report. */
export function analyzeReport(input: AnalyzeInput): ReportAnalysis {
  return analyzeReportParts(input).analysis;
}
