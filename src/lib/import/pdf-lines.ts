// The text items of one PDF page (as pdf.js reports them: a string at a baseline position)
// grouped into the lines a reader sees, top to bottom, each item left to right.

export interface PdfTextItem {
  text: string;
  /** Left end of the baseline, in PDF units from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Images drawn on the page: a page with images and no text is a scan. */
  images?: number;
}

export interface PdfLine {
  text: string;
  left: number;
  right: number;
  /** Baseline, from the page's bottom (larger is higher on the page). */
  y: number;
  fontSize: number;
  /** 0-based page index. */
  page: number;
}

/** Lines of one page, top to bottom; items whose baselines differ by less than half a font size share a line. */
export function groupPageLines(page: PdfPage, pageIndex: number): PdfLine[] {
  const items = page.items.filter((item) => item.text !== '' && item.fontSize > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; fontSize: number; items: PdfTextItem[] }[] = [];
  for (const item of items) {
    // Sorted by baseline, so an item belongs to the line last opened or to a new one.
    const line = lines.at(-1);
    if (line && Math.abs(line.y - item.y) < 0.5 * Math.min(line.fontSize, item.fontSize)) {
      line.items.push(item);
      line.fontSize = Math.max(line.fontSize, item.fontSize);
    } else lines.push({ y: item.y, fontSize: item.fontSize, items: [item] });
  }
  return lines
    .map((line) => {
      const sorted = line.items.sort((a, b) => a.x - b.x);
      const visible = sorted.filter((item) => item.text.trim() !== '');
      const first = visible[0] ?? sorted[0]!;
      const last = visible[visible.length - 1] ?? sorted[sorted.length - 1]!;
      return {
        text: sorted.map((item) => item.text).join(''),
        left: first.x,
        right: last.x + last.width,
        y: line.y,
        fontSize: line.fontSize,
        page: pageIndex,
      };
    })
    .filter((line) => line.text.trim() !== '')
    .sort((a, b) => b.y - a.y);
}
