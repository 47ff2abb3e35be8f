// The paragraphs of a Word 97–2003 document (.doc, also what WPS writes under that name), read
// with word-extractor: the text of the main document in order, table cells included, field
// codes replaced by their results, curly quotes and dashes kept as they are. Automatic list
// numbers, which word-extractor does not see, are computed from the document's list tables
// (doc-list-labels.ts) and written in front of their paragraphs, as for a .docx.

import { createRequire } from 'node:module';
import type WordExtractorClass from 'word-extractor';
import { ImportError } from './decode-text.ts';
import { openWordStreams } from './doc-container.ts';
import { readDocListLabels, type LabelledParagraph } from './doc-list-labels.ts';

const require = createRequire(import.meta.url);

// word-extractor maps Word's optional hyphen (0x1F) through a table that has no entry for it,
// which writes the word "undefined" into the text; Word shows nothing there, so neither do we.
// Patched before the extractor module (which keeps its own reference) is first loaded; the
// version is pinned in package.json, as this reaches into the package's lib/ folder, and
// tests/lib/import/doc-pdf-inputs.test.ts checks the fix on a document with such a hyphen.
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

/**
 * Puts each list number in front of its paragraph's line. Paragraphs are found in order by
 * their text as word-extractor writes it (the same cleaning applied to the stored text); a
 * number whose paragraph cannot be found (or has no text, a bare "一、") is counted, not guessed.
 */
function applyLabels(lines: string[], labelled: readonly LabelledParagraph[]): { lines: string[]; missed: number } {
  const out = [...lines];
  let cursor = 0;
  let missed = 0;
  for (const { raw, label } of labelled) {
    const first = toParagraphs(filters.clean(raw))[0];
    const at = first === undefined ? -1 : out.indexOf(first, cursor);
    if (at === -1) {
      if (label) missed++;
      continue;
    }
    if (label) out[at] = label + out[at];
    cursor = at + 1;
  }
  return { lines: out, missed };
}

/** Paragraphs of a .doc file's bytes (an OLE compound file with a WordDocument stream). */
export async function readDocParagraphs(bytes: Uint8Array): Promise<DocParagraphs> {
  if (bytes.length === 0) throw new ImportError('文件为空（0 字节）');
  const streams = openWordStreams(bytes);
  let document;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw explain(error);
  }
  const warnings: string[] = [];
  let labelled: LabelledParagraph[] = [];
  try {
    labelled = readDocListLabels(streams);
  } catch {
    // The text is word-extractor's and stays whole; only the numbers are lost, and the user told.
    warnings.push('文档的自动编号表无法读取，自动编号（一、（一）1. 等）未能还原，请核对');
  }
  const hasLabels = labelled.some((paragraph) => paragraph.label !== '');
  const { lines: paragraphs, missed } = applyLabels(toParagraphs(document.getBody({ filterUnicode: false })), hasLabels ? labelled : []);
  if (missed > 0) warnings.push(`有 ${missed} 个自动编号未能还原到所在段落，请核对编号`);
  const boxes = toParagraphs(document.getTextboxes({ filterUnicode: false, includeHeadersAndFooters: false, includeBody: true }));
  if (boxes.length > 0) warnings.push(`文档中有 ${boxes.length} 段文本框文字，已附在正文之后，请核对位置`);
  if (paragraphs.length === 0 && boxes.length === 0) throw new ImportError('Word 文档中没有文字');
  return { paragraphs: [...paragraphs, ...boxes], warnings };
}
