/**
 * Excerpts, titles and counts for results of the spaced index (cjk-spacing.ts).
 *
 * Pagefind's excerpts show the index copy: "<mark>三 </mark><mark>会 </mark>一 课".
 * cleanSearchExcerpt removes the spaces that spacing introduced (a space next
 * to a CJK character, mark or symbol; real spaces between Latin words stay)
 * and merges adjacent marks, so the phrase reads and highlights as one:
 * "<mark>三会</mark>一课". It also turns the "." Pagefind appends to every
 * block that does not end in punctuation ("履 职 情 况. 2021 年") back into a
 * plain separator.
 */
import { isStandaloneChar, normalizeText, normalizeWithMap } from './text-normalize.ts';
import type { SearchTerm } from './search-query.ts';

interface Unit {
  /** As written in the excerpt (an entity stays an entity). */
  raw: string;
  /** The character it stands for. */
  char: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
const DIGIT = /^[0-9]$/;
const SPACE = /^\s$/u;

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1).toLowerCase();
  if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
  return ENTITIES[body] ?? entity;
}

function parseExcerpt(html: string): Unit[] {
  const units: Unit[] = [];
  let marked = false;
  for (const [piece] of html.matchAll(/<mark>|<\/mark>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|[\s\S]/giu)) {
    if (piece.toLowerCase() === '<mark>') marked = true;
    else if (piece.toLowerCase() === '</mark>') marked = false;
    else units.push({ raw: piece, char: piece.startsWith('&') ? decodeEntity(piece) : piece, marked });
  }
  return units;
}

/** Pagefind's "." at the end of a block: glued to the word before, unlike a spaced "." token. */
function isTerminator(units: Unit[], i: number): boolean {
  const prev = units[i - 1]?.char;
  const next = units[i + 1]?.char;
  if (units[i]?.char !== '.' || prev === undefined || SPACE.test(prev)) return false;
  return next === undefined || SPACE.test(next);
}

/** Drops introduced spaces; keeps one space between Latin words and where a block ended. */
function removeSpacing(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i] as Unit;
    if (!SPACE.test(unit.char) && !isTerminator(units, i)) {
      out.push(unit);
      i++;
      continue;
    }
    let hard = false;
    let end = i;
    while (end < units.length && (SPACE.test(units[end]?.char ?? '') || isTerminator(units, end))) {
      if (isTerminator(units, end)) hard = true;
      end++;
    }
    const before = out[out.length - 1];
    const after = units[end];
    const keep =
      before !== undefined &&
      after !== undefined &&
      (hard || (!isStandaloneChar(before.char) && !isStandaloneChar(after.char)));
    if (keep) out.push({ raw: ' ', char: ' ', marked: before.marked && after.marked && !hard });
    i = end;
  }
  return out;
}

function renderUnits(units: Unit[], withMarks: boolean): string {
  let html = '';
  let open = false;
  for (const unit of units) {
    if (withMarks && unit.marked !== open) {
      html += unit.marked ? '<mark>' : '</mark>';
      open = unit.marked;
    }
    html += withMarks ? unit.raw : unit.char;
  }
  return open ? `${html}</mark>` : html;
}

/** A Pagefind excerpt (HTML, entities escaped, <mark> only) of the spaced index, made readable. */
export function cleanSearchExcerpt(html: string): string {
  return renderUnits(removeSpacing(parseExcerpt(html)), true);
}

/** The plain text of an excerpt: marks removed, entities decoded. */
export function excerptText(html: string): string {
  return renderUnits(parseExcerpt(html), false);
}

/** A raw title or heading of the spaced index (plain text in, plain text out). */
export function cleanSearchText(text: string): string {
  const units = [...text].map((char) => ({ raw: char, char, marked: false }));
  return renderUnits(removeSpacing(units), false);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && !SPACE.test(char) && !isStandaloneChar(char);
}

/** The code point starting at i, or ending just before i (surrogate pairs kept whole). */
function charAt(text: string, i: number): string | undefined {
  const code = text.codePointAt(i);
  return code === undefined ? undefined : String.fromCodePoint(code);
}
function charBefore(text: string, i: number): string | undefined {
  const low = text.charCodeAt(i - 1);
  return i <= 0 ? undefined : charAt(text, low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1);
}

/** A Latin/digit edge of a match must not continue a longer word ("26" is not in "126" or "2.6"). */
function isWholeAtEdges(text: string, start: number, end: number): boolean {
  const first = charAt(text, start);
  const last = charBefore(text, end);
  if (isWordChar(first)) {
    const prev = charBefore(text, start);
    if (isWordChar(prev)) return false;
    if ((prev === '.' || prev === ',') && DIGIT.test(text[start - 2] ?? '') && DIGIT.test(first ?? '')) return false;
  }
  if (isWordChar(last)) {
    const next = charAt(text, end);
    if (isWordChar(next)) return false;
    if ((next === '.' || next === ',') && DIGIT.test(text[end + 1] ?? '') && DIGIT.test(last ?? '')) return false;
  }
  return true;
}

/** Start indices of the non-overlapping occurrences of needle in normalised text. */
export function findOccurrences(normalized: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  let from = 0;
  for (;;) {
    const at = normalized.indexOf(needle, from);
    if (at === -1) return found;
    if (isWholeAtEdges(normalized, at, at + needle.length)) {
      found.push(at);
      from = at + needle.length;
    } else {
      from = at + 1;
    }
  }
}

function termText(term: SearchTerm | string): string {
  return typeof term === 'string' ? normalizeText(term) : term.text;
}

/** How often term occurs in text, both normalised (traditional, full-width, spaced digits all count). */
export function countOccurrences(text: string, term: SearchTerm | string): number {
  return findOccurrences(normalizeText(text), termText(term)).length;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Plain text → HTML-escaped text with every occurrence of the terms in <mark>,
 * marking the ORIGINAL characters (traditional, full-width, "1 9 9 3") of a
 * normalised match. Touching or overlapping matches share one mark.
 */
export function highlightTerms(text: string, terms: readonly (SearchTerm | string)[]): string {
  const { text: normalized, map } = normalizeWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = termText(term);
    for (const at of findOccurrences(normalized, needle)) {
      const lastSource = map[at + needle.length - 1] ?? 0;
      ranges.push([map[at] ?? 0, lastSource + (charAt(text, lastSource)?.length ?? 1)]);
    }
  }
  let html = '';
  let cursor = 0;
  for (const [start, end] of mergeTouching(ranges)) {
    html += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  return html + escapeHtml(text.slice(cursor));
}

function mergeTouching(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
