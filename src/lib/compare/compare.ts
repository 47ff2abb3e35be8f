// Comparing two reports (usually one unit's consecutive years): which parts correspond,
// how the wording of a passage changed, and how the numbers they share moved.

import { diffArrays } from 'diff';
import type { AnalyzedMetric, AnalyzedReportParts, AnalyzedSection, ReportAnalysis } from '../structure/analyze.ts';
import { flattenOutline } from '../structure/outline.ts';
import { stripTitleNoise, type SectionRole } from '../structure/section-roles.ts';
import { normalizeText } from '../search/text-normalize.ts';

/** A report's analysis together with its outline, whose sections carry the paragraphs. */
export type ReportWithBodies = Pick<AnalyzedReportParts, 'analysis' | 'outline'>;

/** Character bigrams of the normalised text; punctuation, symbols and spaces are left out. */
export function toCharBigrams(text: string): string[] {
  return bigramsOfNormalized(normalizeText(text));
}

function bigramsOfNormalized(normalized: string): string[] {
  const chars = [...normalized.replace(/[\p{P}\p{S}\s]/gu, '')];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => chars[i]! + char);
}

/** Dice coefficient of the two texts' bigram multisets: 1 for the same text, 0 for nothing shared. */
export function measureBigramSimilarity(a: string, b: string): number {
  return measureFeatureSimilarity(labelFeatures(a), labelFeatures(b));
}

/** The same Dice coefficient from features computed beforehand (textFeatures, labelFeatures). */
export function measureFeatureSimilarity(left: TextFeatures, right: TextFeatures): number {
  if (left.length === 0 || right.length === 0) return 0;
  let shared = 0;
  const [small, large] = left.counts.size <= right.counts.size ? [left, right] : [right, left];
  for (const [gram, count] of small.counts) shared += Math.min(count, large.counts.get(gram) ?? 0);
  return (2 * shared) / (left.length + right.length);
}

export interface TextFeatures {
  normalized: string;
  counts: Map<string, number>;
  length: number;
  direction: number;
}

// Labels recur thousands of times when a long series of reports is matched; compute their features once.
const featureCache = new Map<string, TextFeatures>();

/** Normalised text, bigram counts and direction of a label, cached. */
export function labelFeatures(label: string): TextFeatures {
  let features = featureCache.get(label);
  if (!features) {
    if (featureCache.size > 100_000) featureCache.clear();
    features = textFeatures(label);
    featureCache.set(label, features);
  }
  return features;
}

/** Normalised text, bigram counts and direction of any text, not cached (for paragraphs, seen once). */
export function textFeatures(text: string): TextFeatures {
  const normalized = normalizeText(text);
  const grams = bigramsOfNormalized(normalized);
  const counts = new Map<string, number>();
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return { normalized, counts, length: grams.length, direction: direction(text) };
}

/** Role of every section of an analysis, keyed by section id. */
export function mapSectionRoles(analysis: ReportAnalysis): Map<string, SectionRole> {
  const roles = new Map<string, SectionRole>();
  const walk = (section: AnalyzedSection) => { roles.set(section.id, section.role); section.children.forEach(walk); };
  analysis.sections.forEach(walk);
  return roles;
}

// ---- Sections ----

export interface SectionPair {
  status: 'paired' | 'added' | 'removed';
  /** The section in the older report (null when added). */
  before: AnalyzedSection | null;
  /** The section in the newer report (null when removed). */
  after: AnalyzedSection | null;
  /** 0..1: how alike headings (and bodies) are; 0 when not paired. */
  similarity: number;
  children: SectionPair[];
}

/** Bigram features of each section's body with its descendants, for the sections' own similarity. */
function collectBodies(report: ReportWithBodies): Map<string, TextFeatures> {
  const bodies = new Map<string, string>();
  for (const section of flattenOutline(report.outline)) {
    const text = section.body.join('');
    for (let id = section.id; id !== ''; id = id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '') {
      bodies.set(id, (bodies.get(id) ?? '') + text);
    }
  }
  return new Map([...bodies].map(([id, text]) => [id, textFeatures(text)]));
}

// Pairs below these are left as added/removed: a same-role part needs a little likeness,
// another part (or any sub-section) a clear one, in its heading or in its body. Bodies on
// one topic reach 0.36–0.49 in national 2024 vs 2025, unrelated ones 0.07–0.20.
const MIN_SAME_ROLE = 0.1;
const MIN_SIMILARITY = 0.3;

function alignLevel(before: AnalyzedSection[], after: AnalyzedSection[], bodies: [Map<string, TextFeatures>, Map<string, TextFeatures>], topLevel: boolean): SectionPair[] {
  const candidates: { i: number; j: number; similarity: number; score: number }[] = [];
  before.forEach((a, i) => after.forEach((b, j) => {
    // "一、2023年工作回顾" ~ "一、2024年工作回顾": numbering and years say nothing about the topic.
    const heading = measureBigramSimilarity(stripTitleNoise(a.title), stripTitleNoise(b.title));
    const bodyA = bodies[0].get(a.id);
    const bodyB = bodies[1].get(b.id);
    // Headings are reworded every year ("（九）加强生态文明建设" → "（九）协同推进降碳减污扩绿增长"); bodies keep the topic.
    const body = bodyA?.normalized && bodyB?.normalized ? measureFeatureSimilarity(bodyA, bodyB) : heading;
    const similarity = (heading + body) / 2;
    // Roles decide first at the top level; below it children inherit the parent's role.
    const sameRole = topLevel && a.role === b.role && a.role !== 'other';
    if (Math.max(heading, body) >= (sameRole ? MIN_SAME_ROLE : MIN_SIMILARITY)) candidates.push({ i, j, similarity, score: (sameRole ? 1 : 0) + similarity });
  }));
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const partnerOfAfter = new Map<number, { i: number; similarity: number }>();
  const takenBefore = new Set<number>();
  for (const { i, j, similarity } of candidates) {
    if (takenBefore.has(i) || partnerOfAfter.has(j)) continue;
    takenBefore.add(i);
    partnerOfAfter.set(j, { i, similarity });
  }
  const out: SectionPair[] = after.map((b, j) => {
    const partner = partnerOfAfter.get(j);
    if (!partner) return { status: 'added', before: null, after: b, similarity: 0, children: alignLevel([], b.children, bodies, false) };
    const a = before[partner.i]!;
    return { status: 'paired', before: a, after: b, similarity: round(partner.similarity), children: alignLevel(a.children, b.children, bodies, false) };
  });
  // A removed section goes right after the pair of its preceding old sibling.
  before.forEach((a, i) => {
    if (takenBefore.has(i)) return;
    const at = out.findLastIndex((pair) => pair.before !== null && before.indexOf(pair.before) < i) + 1;
    out.splice(at, 0, { status: 'removed', before: a, after: null, similarity: 0, children: alignLevel(a.children, [], bodies, false) });
  });
  return out;
}

/**
 * Pairs the sections of two reports, top level first (by role, then by heading and body
 * similarity), then their children; what finds no partner is added or removed.
 * The result follows the newer report's order.
 */
export function alignSections(before: ReportWithBodies, after: ReportWithBodies): SectionPair[] {
  return alignLevel(before.analysis.sections, after.analysis.sections, [collectBodies(before), collectBodies(after)], true);
}

/** Each report with the one it is compared with on its compare page: the latest earlier report of the same unit and kind. */
export function consecutiveReportPairs<T extends { unit: string; kind: string; year: number }>(reports: readonly T[]): { before: T; after: T }[] {
  const series = new Map<string, T[]>();
  for (const report of reports) {
    const key = JSON.stringify([report.unit, report.kind]);
    const list = series.get(key);
    if (list) list.push(report);
    else series.set(key, [report]);
  }
  return reports.flatMap((after) => {
    let before: T | undefined;
    for (const other of series.get(JSON.stringify([after.unit, after.kind]))!) {
      if (other.year < after.year && (!before || other.year > before.year)) before = other;
    }
    return before ? [{ before, after }] : [];
  });
}

// ---- Wording ----

export interface DiffRun {
  type: 'equal' | 'insert' | 'delete';
  text: string;
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words, numbers, punctuation and spaces, in order; joined they give the text back. */
export function segmentWords(text: string): string[] {
  return Array.from(wordSegmenter.segment(text), (part) => part.segment);
}

/**
 * Word-level diff of two Chinese texts. Tokens are compared normalised (full/half width,
 * traditional forms), so only real wording changes show; equal runs carry the new text.
 */
export function diffWords(oldText: string, newText: string): DiffRun[] {
  const oldTokens = segmentWords(oldText);
  const newTokens = segmentWords(newText);
  const changes = diffArrays(oldTokens.map((t) => normalizeText(t) || t), newTokens.map((t) => normalizeText(t) || t));
  const runs: DiffRun[] = [];
  let o = 0;
  let n = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    let text: string;
    let type: DiffRun['type'];
    if (change.added) { type = 'insert'; text = newTokens.slice(n, n + count).join(''); n += count; }
    else if (change.removed) { type = 'delete'; text = oldTokens.slice(o, o + count).join(''); o += count; }
    else { type = 'equal'; text = newTokens.slice(n, n + count).join(''); o += count; n += count; }
    const last = runs.at(-1);
    if (last?.type === type) last.text += text;
    else if (text !== '') runs.push({ type, text });
  }
  return runs;
}

// ---- Metrics ----

/** Labels this alike (bigram Dice) name the same measure; "专题研讨交流" ~ "研讨交流" is 0.75. */
export const LABEL_MATCH = 0.6;
const MAGNITUDES: [string, number][] = [['万亿', 1e12], ['千万', 1e7], ['百万', 1e6], ['亿', 1e8], ['万', 1e4], ['千', 1e3]];

function splitUnit(unit: string): { base: string; factor: number } {
  const found = MAGNITUDES.find(([prefix]) => unit.startsWith(prefix) && unit.length > prefix.length);
  return found ? { base: unit.slice(found[0].length), factor: found[1] } : { base: unit, factor: 1 };
}

/** A value in `from` expressed in `to` ("1.2亿元" → 12000 万元); null when the units measure different things. */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const a = splitUnit(from);
  const b = splitUnit(to);
  return a.base === b.base ? round((value * a.factor) / b.factor) : null;
}

const UP = /增长|增加|提高|上升|上涨|扩大|突破/g;
const DOWN = /下降|减少|降低|回落|下跌|压减|缩小/g;

/** +1 when the label's last change word goes up ("同比增长"), -1 when down ("同比下降"), 0 without one. */
function direction(label: string): number {
  const up = [...label.matchAll(UP)].at(-1)?.index ?? -1;
  const down = [...label.matchAll(DOWN)].at(-1)?.index ?? -1;
  return up === down ? 0 : up > down ? 1 : -1;
}

/**
 * How surely two metrics measure the same thing: 1 for one label (normalised), the bigram
 * likeness above LABEL_MATCH, else 0. A rise never matches a fall: "接待游客同比增长" and
 * "接待游客同比下降" are alike as text but opposite in sign.
 */
export function scoreMetricMatch(a: { label: string; unit: string }, b: { label: string; unit: string }): number {
  if (convertUnit(1, a.unit, b.unit) === null) return 0;
  const left = labelFeatures(a.label);
  const right = labelFeatures(b.label);
  if (left.normalized === right.normalized) return 1;
  if (left.direction * right.direction < 0) return 0;
  const similarity = measureBigramSimilarity(a.label, b.label);
  return similarity >= LABEL_MATCH ? similarity : 0;
}

export interface MetricChange {
  label: string;
  /** The newer report's unit; the old value is converted to it. */
  unit: string;
  before: AnalyzedMetric;
  after: AnalyzedMetric;
  oldValue: number;
  newValue: number;
  change: number;
  /** Relative change in %, null when the old value is 0. */
  changePercent: number | null;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The metrics two reports share, old and new value side by side. A target (in a plans
 * section) is compared only with a target; when a label occurs more than once, the pair
 * in sections of the same role, then in the same section, then with the closer value wins.
 */
export function compareMetrics(before: ReportAnalysis, after: ReportAnalysis): MetricChange[] {
  const rolesBefore = mapSectionRoles(before);
  const rolesAfter = mapSectionRoles(after);
  const roleOf = (roles: Map<string, SectionRole>, m: AnalyzedMetric) => (m.section === null ? 'other' : roles.get(m.section) ?? 'other');
  const candidates: { i: number; j: number; score: number }[] = [];
  before.metrics.forEach((a, i) => after.metrics.forEach((b, j) => {
    const match = scoreMetricMatch(a, b);
    const roleA = roleOf(rolesBefore, a);
    const roleB = roleOf(rolesAfter, b);
    if (match === 0 || (roleA === 'plans') !== (roleB === 'plans')) return;
    const oldValue = convertUnit(a.value, a.unit, b.unit)!;
    const closeness = 1 - Math.abs(b.value - oldValue) / Math.max(Math.abs(b.value), Math.abs(oldValue), 1e-9);
    const score = match + (roleA === roleB ? 0.3 : 0) + (a.section === b.section ? 0.1 : 0) + 0.1 * closeness;
    candidates.push({ i, j, score });
  }));
  candidates.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  for (const { i, j } of candidates) {
    if (taken.has(i) || partner.has(j)) continue;
    taken.add(i);
    partner.set(j, i);
  }
  return [...partner.entries()].sort(([x], [y]) => x - y).map(([j, i]) => {
    const a = before.metrics[i]!;
    const b = after.metrics[j]!;
    const oldValue = convertUnit(a.value, a.unit, b.unit)!;
    const change = round(b.value - oldValue);
    return {
      label: b.label, unit: b.unit, before: a, after: b, oldValue, newValue: b.value, change,
      changePercent: oldValue === 0 ? null : round((change / Math.abs(oldValue)) * 100),
    };
  });
}
