// The automatic list numbers of a .doc's paragraphs ("一、", "（二）", "3."), which Word computes
// and never stores in the text, so that the importer can write them back as a .docx import
// does. Paragraphs are those of the main document, ended by a paragraph mark (\r) or a table
// cell mark (\x07); each comes with its raw text, to be matched with word-extractor's lines.

import { readDocLists } from './doc-lists.ts';
import { papxOfMark, readPapxRuns, readStyleListProps } from './doc-paragraph-props.ts';
import { mainTextLength, readCharacters, readPieces } from './doc-pieces.ts';
import type { WordStreams } from './doc-container.ts';
import { createListCounter } from './list-numbering.ts';

export interface LabelledParagraph {
  /** The paragraph as stored: field codes, marks and all. */
  raw: string;
  label: string;
}

/** Every main-document paragraph with its list number ('' for none); [] when the document has no lists. */
export function readDocListLabels({ wordDocument, table }: WordStreams): LabelledParagraph[] {
  const doc = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const tbl = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const nums = readDocLists(doc, tbl);
  if (nums.size === 0) return [];
  const pieces = readPieces(doc, tbl);
  const runs = readPapxRuns(doc, tbl);
  const styleProps = readStyleListProps(doc, tbl);
  const counter = createListCounter(nums);
  const text = readCharacters(pieces, wordDocument, 0, mainTextLength(doc));
  const paragraphs: LabelledParagraph[] = [];
  let start = 0;
  for (let cp = 0; cp < text.length; cp++) {
    if (text[cp] !== '\r' && text[cp] !== '\x07') continue;
    const run = papxOfMark(runs, pieces, cp);
    const style = run ? styleProps(run.istd) : {};
    const ilfo = run?.props.ilfo ?? style.ilfo;
    const ilvl = run?.props.ilvl ?? style.ilvl ?? 0;
    // ilfo 0 is "no list"; negative values are Word's own markers for list-less paragraphs.
    const label = ilfo !== undefined && ilfo > 0 ? counter.next({ numId: String(ilfo), ilvl }, undefined) : '';
    paragraphs.push({ raw: text.slice(start, cp), label });
    start = cp + 1;
  }
  return paragraphs;
}
