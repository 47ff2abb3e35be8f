// A PDF's lines joined back into the paragraphs they were cut from. A PDF only knows lines:
// the page width broke each paragraph, and nothing marks where one ended. The layout says it:
// a new paragraph starts after a line that stops well before the right margin, on a line
// indented from the column's edge, after a wider gap than the usual line spacing, or, in a
// report set flush left without spacing (the seed), on an outline number ("（二）", "3.")
// after a line that ends a sentence (。！？：；). A line that fills the width and ends with
// "。" is read as going on: in such a report that is the one case the layout cannot tell.

import { matchNumbering } from '../structure/outline.ts';
import type { PdfLine } from './pdf-lines.ts';
import { removeAddedCjkSpaces } from './pdf-cjk-spaces.ts';

interface Layout {
  left: number;
  right: number;
  lineGap: number;
  /** How this document marks where a paragraph starts, as seen after its short lines. */
  marks: 'indent' | 'space' | 'none';
  /** Where the first line of a page usually stands: lower than that, space above pushed it down. */
  top: number;
}

const SENTENCE_END = /[。！？：；!?:;][”’」』）)》〉】]*\s*$/u;
/**
 * What a line break cannot split at the start of a line: a number or Latin word with the marks
 * around it ("2.6%。", "（PM2.5）", "6.5%、9.4%"), or one character in brackets ("（二）").
 */
const UNBREAKABLE_START = /^(?:[“‘（(《〈【「『]*(?:[A-Za-z0-9０-９][A-Za-z0-9０-９.,%·．:/\-]*|(?<=[（(《〈【「『]).)[％%）)》〉】」』”’，。、；：？！]*)+/u;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The most common value, values rounded to whole units; ties go to the larger. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of counts) if (count > bestCount || (count === bestCount && value > best)) [best, bestCount] = [value, count];
  return best;
}

/**
 * Where the text column is: its left edge is the leftmost start that several lines share (in a
 * report of short indented paragraphs most lines start indented), its right edge where most
 * lines end (the full ones).
 */
function measureLayout(lines: readonly PdfLine[]): Layout {
  const gaps = lines.slice(1).flatMap((line, i) => (line.page === lines[i]!.page ? [lines[i]!.y - line.y] : []));
  const lefts = new Map<number, number>();
  for (const line of lines) lefts.set(Math.round(line.left), (lefts.get(Math.round(line.left)) ?? 0) + 1);
  const shared = [...lefts].filter(([, count]) => count >= Math.max(2, lines.length * 0.05)).map(([left]) => left);
  const left = shared.length > 0 ? Math.min(...shared) : mode(lines.map((l) => l.left));
  const tops = lines.filter((line, i) => i === 0 || lines[i - 1]!.page !== line.page).map((line) => line.y);
  const layout: Layout = { left, right: mode(lines.map((l) => l.right)), lineGap: median(gaps.filter((gap) => gap > 0)), marks: 'none', top: mode(tops) };
  // The line after a clearly short one starts a paragraph: see whether such lines are indented or spaced.
  const starts = lines.slice(1).filter((line, i) => lines[i]!.right < layout.right - 6 * line.fontSize);
  const share = (test: (line: PdfLine) => boolean) => starts.filter(test).length / starts.length;
  if (starts.length >= 3) {
    if (share((line) => isIndented(line, layout)) >= 0.5) layout.marks = 'indent';
    else if (share((line) => isSpaced(lines[lines.indexOf(line) - 1]!, line, layout)) >= 0.5) layout.marks = 'space';
  }
  return layout;
}

/**
 * Indented from the column's left edge: a first line (or a centred title). A block set indented
 * as a whole would split at every line; reports hardly have them, and no character is lost.
 */
const isIndented = (line: PdfLine, layout: Layout) => line.left > layout.left + 0.8 * line.fontSize;
/** A wider gap than the line spacing; on a new page, a first line set lower than usual (space above it). */
function isSpaced(line: PdfLine, next: PdfLine, layout: Layout): boolean {
  if (layout.lineGap <= 0) return false;
  if (line.page === next.page) return line.y - next.y > 1.4 * layout.lineGap;
  return layout.marks === 'space' && layout.top - next.y > 0.5 * layout.lineGap;
}

/**
 * How far a line may stop short of the right margin and still go on: a line breaks where the
 * next character does not fit (up to 1 em short), or before a punctuation mark that may not
 * start a line, taking a character along (up to 2 em), or before a number or Latin word that
 * moves down whole with the marks around it. After a sentence end only the first two apply.
 */
function allowedShortfall(line: PdfLine, next: PdfLine): number {
  const em = next.fontSize || line.fontSize;
  const moved = UNBREAKABLE_START.exec(next.text.trimStart())?.[0] ?? '';
  const width = [...moved].reduce((sum, char) => sum + (char.charCodeAt(0) < 0x80 ? 0.6 : 1), 0);
  return SENTENCE_END.test(line.text) ? Math.max(1.9, width + 0.9) * em : Math.max(2.5, width + 1.5) * em;
}

/** Whether `next` starts a new paragraph after `line`. */
export function startsParagraph(line: PdfLine, next: PdfLine, layout: Layout): boolean {
  const short = line.right < layout.right - allowedShortfall(line, next);
  // An outline number after a sentence end starts a paragraph only where the layout shows no
  // mark (flush left without spacing; or spacing, which a page break hides): where it does,
  // "；（二）" at the start of a line is an enumeration running on.
  const unmarked = layout.marks === 'none' || (layout.marks === 'space' && line.page !== next.page);
  const numbered = unmarked && matchNumbering(next.text) !== null && SENTENCE_END.test(line.text);
  return short || isIndented(next, layout) || isSpaced(line, next, layout) || numbered;
}

/** Two lines of one paragraph: Chinese runs on without a space, Latin words keep one between them. */
function joinLine(paragraph: string, line: string): string {
  const a = paragraph.trimEnd();
  const b = line.trimStart();
  return /[A-Za-z0-9,.;:!?]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** The paragraphs of a PDF's body lines (running headers and footers removed), in reading order. */
export function joinPdfLines(lines: readonly PdfLine[]): string[] {
  if (lines.length === 0) return [];
  const layout = measureLayout(lines);
  const paragraphs: string[] = [lines[0]!.text.trim()];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (startsParagraph(lines[i - 1]!, line, layout)) paragraphs.push(line.text.trim());
    else paragraphs[paragraphs.length - 1] = joinLine(paragraphs[paragraphs.length - 1]!, line.text);
  }
  return paragraphs.map(removeAddedCjkSpaces).filter((paragraph) => paragraph !== '');
}
