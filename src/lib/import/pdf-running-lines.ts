// Running headers, footers and page numbers: what a PDF repeats on every page around the text.
// They are not part of the report and would otherwise land in the middle of its paragraphs.
// A line counts as one when it is among the first or last two of its page and either
//  - says the same (digits aside: "第 3 页") at the same height on at least half the pages, or
//  - is a page number alone ("3", "- 3 -", "— 3 —", "第3页", "3/12", "第 3 页 共 12 页") that
//    counts with the pages, or stands apart from the text on a one-page document.

import type { PdfLine } from './pdf-lines.ts';

const PAGE_NUMBER = /^[-－—–\s]*(?:第\s*)?(\d{1,4})\s*(?:页)?\s*(?:(?:[/／]|共)\s*\d{1,4}\s*页?)?[-－—–\s]*$|^\s*(?:page|p\.)\s*(\d{1,4})(?:\s*of\s*\d{1,4})?\s*$/i;
/** How many lines at each end of a page may be running lines. */
const BAND = 2;

const keyOf = (line: PdfLine) => line.text.replace(/\s+/g, '').replace(/\d+/g, '#');

function pageNumberOf(line: PdfLine): number | undefined {
  const match = PAGE_NUMBER.exec(line.text);
  const digits = match?.[1] ?? match?.[2];
  return digits === undefined ? undefined : Number(digits);
}

function bandOf(lines: readonly PdfLine[]): PdfLine[] {
  return lines.length <= 2 * BAND ? [...lines] : [...lines.slice(0, BAND), ...lines.slice(-BAND)];
}

/** The running lines among each page's lines (top to bottom), to be left out of the text. */
export function findRunningLines(pages: readonly (readonly PdfLine[])[]): Set<PdfLine> {
  const running = new Set<PdfLine>();
  const withText = pages.filter((lines) => lines.length > 0).length;

  // Repeated lines: same key at the same height (within 3 units) on at least half of the pages, and on two or more.
  const byKey = new Map<string, PdfLine[]>();
  for (const lines of pages) {
    for (const line of bandOf(lines)) {
      const key = keyOf(line);
      if (key === '' || key === '#') continue;
      byKey.set(key, [...(byKey.get(key) ?? []), line]);
    }
  }
  for (const lines of byKey.values()) {
    const heights = lines.map((line) => line.y).sort((a, b) => a - b);
    const median = heights[Math.floor(heights.length / 2)]!;
    const aligned = lines.filter((line) => Math.abs(line.y - median) <= 3);
    const pagesSeen = new Set(aligned.map((line) => line.page)).size;
    if (pagesSeen >= 2 && pagesSeen * 2 >= withText) for (const line of aligned) running.add(line);
  }

  // Page numbers: the printed number minus the page index is the same on most pages that have one.
  const numbered = pages.flatMap((lines) => bandOf(lines).flatMap((line) => {
    const number = pageNumberOf(line);
    return number === undefined ? [] : [{ line, offset: number - line.page }];
  }));
  const offsets = new Map<number, PdfLine[]>();
  for (const { line, offset } of numbered) offsets.set(offset, [...(offsets.get(offset) ?? []), line]);
  for (const lines of offsets.values()) {
    if (new Set(lines.map((line) => line.page)).size >= 2) for (const line of lines) running.add(line);
  }
  if (withText === 1) {
    const lines = pages.find((page) => page.length > 0)!;
    for (const line of bandOf(lines)) if (pageNumberOf(line) !== undefined && standsApart(line, lines)) running.add(line);
  }
  return running;
}

/** A line further from its neighbours than three ordinary line spacings (a footer under the text). */
function standsApart(line: PdfLine, lines: readonly PdfLine[]): boolean {
  const index = lines.indexOf(line);
  const gaps = lines.slice(1).map((next, i) => lines[i]!.y - next.y).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? line.fontSize * 1.5;
  const above = index > 0 ? lines[index - 1]!.y - line.y : Infinity;
  const below = index < lines.length - 1 ? line.y - lines[index + 1]!.y : Infinity;
  return Math.min(above, below) > 3 * usual && lines.length > 1;
}
