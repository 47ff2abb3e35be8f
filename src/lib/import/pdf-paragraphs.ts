// A PDF's lines joined back into the paragraphs they were cut from. A PDF only knows lines:
// the page width broke each paragraph, and nothing marks where one ended. The layout says it:
// a new paragraph starts after a line that stops well before the right margin, on a line
// indented further than the one before, after a wider gap than the usual line spacing, or on
// an outline number ("（二）", "3.") after a line that ends a sentence (。！？：；). A line that
// fills the width and ends with "。" is read as going on: in a report set flush left, with no
// spacing between paragraphs, that is the one case the layout cannot tell apart.

import { matchNumbering } from '../structure/outline.ts';
import type { PdfLine } from './pdf-lines.ts';
import { removeAddedCjkSpaces } from './pdf-cjk-spaces.ts';

interface Layout {
  left: number;
  right: number;
  lineGap: number;
}

const SENTENCE_END = /[。！？：；!?:;][”’」』）)》〉】]*\s*$/u;
const LATIN_WORD_START = /^[A-Za-z0-9][A-Za-z0-9.,%\-/]*/;

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
  const starts = new Map<number, number>();
  for (const line of lines) starts.set(Math.round(line.left), (starts.get(Math.round(line.left)) ?? 0) + 1);
  const shared = [...starts].filter(([, count]) => count >= Math.max(2, lines.length * 0.05)).map(([left]) => left);
  const left = shared.length > 0 ? Math.min(...shared) : mode(lines.map((l) => l.left));
  return { left, right: mode(lines.map((l) => l.right)), lineGap: median(gaps.filter((gap) => gap > 0)) };
}

/** Whether `next` starts a new paragraph after `line`. */
export function startsParagraph(line: PdfLine, next: PdfLine, layout: Layout): boolean {
  const em = next.fontSize || line.fontSize;
  // A word of Latin letters or digits that did not fit moved down whole: the line may stop short by its width.
  const movedWord = LATIN_WORD_START.exec(next.text.trimStart())?.[0] ?? '';
  const allowance = Math.max(2.5 * em, (movedWord.length * 0.6 + 1) * em);
  const short = line.right < layout.right - allowance;
  const indented = next.left > layout.left + 0.8 * em && next.left > line.left + 0.5 * em;
  const spaced = line.page === next.page && layout.lineGap > 0 && line.y - next.y > 1.4 * layout.lineGap;
  const numbered = matchNumbering(next.text) !== null && (short || SENTENCE_END.test(line.text));
  return short || indented || spaced || numbered;
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
