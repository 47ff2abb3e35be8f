// The text layer of a PDF, page by page, read with pdf.js (pdfjs-dist, Mozilla's reader): what
// each text item says and where it stands. Chinese PDFs whose fonts are not embedded name one
// of Adobe's predefined CMaps (UniGB-UCS2-H, GBK-EUC-H…); pdf.js needs the packed CMaps it ships
// to turn their codes into characters, so they are passed by path.

import { createRequire } from 'node:module';
import path from 'node:path';
import { ImportError } from './decode-text.ts';
import type { PdfPage, PdfTextItem } from './pdf-lines.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;
const packageDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
}

function toItem(raw: RawItem): PdfTextItem | undefined {
  if (typeof raw.str !== 'string' || !raw.transform) return undefined;
  const [a = 0, b = 0, , , e = 0, f = 0] = raw.transform;
  return { text: raw.str, x: e, y: f, width: raw.width ?? 0, fontSize: Math.hypot(a, b) };
}

function explain(error: unknown): ImportError {
  const name = (error as { name?: string }).name;
  if (name === 'PasswordException') return new ImportError('PDF 设置了打开密码，无法读取；请先取消密码后再导入');
  if (name === 'InvalidPDFException') return new ImportError('不是有效的 PDF 文件（文件已损坏或不完整）');
  return new ImportError(`无法读取 PDF（${(error as Error).message ?? String(error)}）`);
}

/** Every page's text items and image count; fails with an ImportError for a damaged or locked file. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, OPS } = await pdfjs;
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Buffer: hand it a plain copy.
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(packageDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(packageDir, 'standard_fonts')}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise.catch((error: unknown) => { throw explain(error); });
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = (content.items as RawItem[]).map(toItem).filter((item) => item !== undefined);
      let images = 0;
      if (items.every((item) => item.text.trim() === '')) {
        // Only a page without text is looked at for images: that is what a scan is.
        const operators = await page.getOperatorList();
        images = operators.fnArray.filter((op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject || op === OPS.paintImageMaskXObject).length;
      }
      pages.push({ width: viewport.width, height: viewport.height, items, images });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw explain(error);
  } finally {
    await task.destroy();
  }
}
