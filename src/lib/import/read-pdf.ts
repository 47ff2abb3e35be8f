// A PDF report as paragraphs: its text layer (pdf-text-layer.ts) cut into lines, running
// headers, footers and page numbers left out, lines joined into paragraphs. A PDF without a
// text layer (a scan) is refused with the reason; pages of a PDF that are scans while others
// have text are named in a warning, as their text cannot be part of the import.

import { ImportError } from './decode-text.ts';
import { groupPageLines, type PdfPage } from './pdf-lines.ts';
import { joinPdfLines } from './pdf-paragraphs.ts';
import { findRunningLines } from './pdf-running-lines.ts';
import { readPdfPages } from './pdf-text-layer.ts';

export interface PdfParagraphs {
  paragraphs: string[];
  warnings: string[];
}

/** Paragraphs of the pages of a PDF (pure: for tests on pages made by hand). */
export function paragraphsOfPdfPages(pages: readonly PdfPage[]): PdfParagraphs {
  const lines = pages.map((page, index) => groupPageLines(page, index));
  const scanned = pages.flatMap((page, index) => (lines[index]!.length === 0 && (page.images ?? 0) > 0 ? [index + 1] : []));
  if (lines.every((page) => page.length === 0)) {
    throw new ImportError(scanned.length > 0
      ? '这是扫描版 PDF（页面是图片，没有文字层），无法提取文字；请先用 OCR 软件识别成文字，或导入 Word/文本版本'
      : 'PDF 中没有文字');
  }
  const running = findRunningLines(lines);
  const body = lines.flat().filter((line) => !running.has(line));
  const warnings = scanned.length > 0
    ? [`第 ${scanned.join('、')} 页没有文字层（可能是扫描页），这些页的内容未能导入`]
    : [];
  return { paragraphs: joinPdfLines(body), warnings };
}

/** Reads a PDF file's bytes into paragraphs; ImportError for a damaged, locked or scanned file. */
export async function readPdfParagraphs(bytes: Uint8Array): Promise<PdfParagraphs> {
  if (bytes.length === 0) throw new ImportError('文件为空（0 字节）');
  return paragraphsOfPdfPages(await readPdfPages(bytes));
}
