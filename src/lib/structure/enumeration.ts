// Enumerations inside plans paragraphs: 一是/二是, 一要/二要, 第一，/第二，, 首先/其次/最后, （1）, ①.
// A run counts only when it goes 1, 2, 3… and reaches 2.

import { parseChineseOrdinal, toHalfWidthDigits } from './outline.ts';

export interface EnumMarker {
  family: string;
  ordinal: number;
  /** Offset of the marker in the paragraph, and of the text after it. */
  start: number;
  textStart: number;
}

export interface EnumItem {
  /** 0-based paragraph of the section body. */
  paragraph: number;
  marker: EnumMarker;
}

// Word markers must open a clause, so "统一是" or "唯一要求" never count.
const CLAUSE_START = '(?<=^|[。；;：:！？!?，,、\\s（(])';
const FAMILIES: { family: string; re: RegExp; ordinal: (m: RegExpExecArray) => number | null }[] = [
  { family: 'shi', re: new RegExp(`${CLAUSE_START}([一二三四五六七八九十]{1,3})是`, 'g'), ordinal: (m) => parseChineseOrdinal(m[1]!) },
  { family: 'yao', re: new RegExp(`${CLAUSE_START}([一二三四五六七八九十]{1,3})要`, 'g'), ordinal: (m) => parseChineseOrdinal(m[1]!) },
  { family: 'di', re: new RegExp(`${CLAUSE_START}第([一二三四五六七八九十]{1,3})[，,、：:]`, 'g'), ordinal: (m) => parseChineseOrdinal(m[1]!) },
  { family: 'seq', re: new RegExp(`${CLAUSE_START}(首先|其次|再次|最后)[，,]?`, 'g'), ordinal: (m) => ({ 首先: 1, 其次: 2, 再次: 3, 最后: 0 })[m[1]!] ?? null },
  { family: 'paren', re: /[（(]([0-9０-９]{1,2})[）)]/g, ordinal: (m) => Number(toHalfWidthDigits(m[1]!)) },
  { family: 'circled', re: /[\u2460-\u2473]/g, ordinal: (m) => m[0].charCodeAt(0) - 0x2460 + 1 },
];

type Family = (typeof FAMILIES)[number];

/** Markers of one family that form runs 1, 2, 3… (a run must reach 2); "最后" closes any run. */
function findRuns(paragraphs: readonly string[], family: Family): EnumItem[] {
  const accepted: EnumItem[] = [];
  let run: EnumItem[] = [];
  const flush = () => { if (run.length >= 2) accepted.push(...run); run = []; };
  paragraphs.forEach((text, paragraph) => {
    for (const m of text.matchAll(family.re)) {
      let ordinal = family.ordinal(m as RegExpExecArray);
      if (ordinal === 0 && run.length > 0) ordinal = run.length + 1; // 最后
      if (ordinal === null || ordinal === 0) continue;
      const marker = { family: family.family, ordinal, start: m.index, textStart: m.index + m[0].length };
      if (ordinal === run.length + 1) run.push({ paragraph, marker });
      else if (ordinal === 1) { flush(); run.push({ paragraph, marker }); }
    }
  });
  flush();
  return accepted;
}

/** The enumeration of a section's paragraphs: the family whose first run starts earliest. */
export function findEnumeration(paragraphs: readonly string[]): EnumItem[] {
  let best: EnumItem[] = [];
  for (const family of FAMILIES) {
    const runs = findRuns(paragraphs, family);
    const first = runs[0];
    const bestFirst = best[0];
    if (first && (!bestFirst || first.paragraph < bestFirst.paragraph ||
      (first.paragraph === bestFirst.paragraph && first.marker.start < bestFirst.marker.start))) best = runs;
  }
  return best;
}
