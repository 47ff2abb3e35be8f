// The paragraphs of a Word 97–2003 document (.doc, also what WPS writes under that name), read
// with word-extractor: the text of the main document in order, table cells included, field
// codes replaced by their results, curly quotes and dashes kept as they are.

import { createRequire } from 'node:module';
import type WordExtractorClass from 'word-extractor';
import { ImportError } from './decode-text.ts';
import { openWordStreams } from './doc-container.ts';

const require = createRequire(import.meta.url);

// word-extractor maps Word's optional hyphen (0x1F) through a table that has no entry for it,
// which writes the word "undefined" into the text; Word shows nothing there, so neither do we.
// Patched before the extractor module (which keeps its own reference) is first loaded.
const filters = require('word-extractor/lib/filters.js') as { clean: (text: string) => string };
const clean = filters.clean;
filters.clean = (text) => clean(text.replace(/\x1f/g, ''));
const WordExtractor = require('word-extractor') as typeof WordExtractorClass;

/** Why word-extractor could not read a file, in the words a user can act on. */
function explain(error: unknown): ImportError {
  const message = (error as Error).message ?? String(error);
  return new ImportError(`.doc 文件已损坏或不完整，无法读取（${message}）；请在 Word/WPS 中打开并另存为 .docx 后再导入`);
}

export interface DocParagraphs {
  paragraphs: string[];
  warnings: string[];
}

const toParagraphs = (text: string) => text.split('\n').map((line) => line.replace(/\s+$/, '')).filter((line) => line.trim() !== '');

/** Paragraphs of a .doc file's bytes (an OLE compound file with a WordDocument stream). */
export async function readDocParagraphs(bytes: Uint8Array): Promise<DocParagraphs> {
  if (bytes.length === 0) throw new ImportError('文件为空（0 字节）');
  openWordStreams(bytes);
  let document;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw explain(error);
  }
  const paragraphs = toParagraphs(document.getBody({ filterUnicode: false }));
  const boxes = toParagraphs(document.getTextboxes({ filterUnicode: false, includeHeadersAndFooters: false, includeBody: true }));
  const warnings = boxes.length > 0 ? [`文档中有 ${boxes.length} 段文本框文字，已附在正文之后，请核对位置`] : [];
  if (paragraphs.length === 0 && boxes.length === 0) throw new ImportError('Word 文档中没有文字');
  return { paragraphs: [...paragraphs, ...boxes], warnings };
}
