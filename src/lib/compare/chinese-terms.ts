// The terms two Chinese sentences can share: character bigrams inside runs of Han characters,
// numbers with their unit ("5%", "1100万人") and quoted names (“超长期特别国债”, 《纲要》). What a
// shared term is worth comes from how rare it is in the archive (term-stats.ts), not from this list:
// a shared name of five characters shares four rare bigrams, so it weighs a lot.
//
// Trigrams and the words of Intl.Segmenter (3+ character words and adjacent-word compounds:
// 特别+国债) can be added; on the labelled corpus pairs (bench/promise-quality.ts) each made the
// ranking slightly worse (they count the same shared phrase twice) and the segmenter costs about
// a second per million characters, so both are off by default.

import { normalizeText } from '../search/text-normalize.ts';

export interface TermOptions {
  /** Character trigrams besides bigrams (default false). */
  trigrams?: boolean;
  /** Segmented words of 3+ characters and adjacent-word compounds (default false). */
  words?: boolean;
}

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
// A number with its magnitude and unit ("18次", "455.2万人次", "6.5%"); a bare year ("2023年") is not one.
const NUMBER = /(?<![\d.])(\d+(?:\.\d+)?)(?:余|多)?(万亿|亿|万|千)?(人次|个百分点|公里|平方米|万千瓦|千瓦|[%个次家场项篇名所条户人元亩座期批处件部份张吨斤套])?(?!\d)/g;
const QUOTED = /[“"「『《]([^”"」』》]{2,30})[”"」』》]/g;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The distinct terms of a text. Names are prefixed "“", numbers "#", so they never collide with n-grams. */
export function readTerms(text: string, options: TermOptions = {}): Set<string> {
  const norm = normalizeText(text);
  const terms = new Set<string>();
  const trigrams = options.trigrams ?? false;
  // Character n-grams, inside runs of Han characters only.
  let runStart = -1;
  for (let i = 0; i <= norm.length; i++) {
    const han = i < norm.length && isHan(norm.charCodeAt(i));
    if (han && runStart < 0) runStart = i;
    if (han || runStart < 0) continue;
    for (let j = runStart; j + 1 < i; j++) {
      terms.add(norm.slice(j, j + 2));
      if (trigrams && j + 2 < i) terms.add(norm.slice(j, j + 3));
    }
    runStart = -1;
  }
  if (options.words ?? false) addWordTerms(norm, terms);
  for (const m of norm.matchAll(NUMBER)) {
    if (!m[2] && !m[3]) continue; // a bare number: a year, an ordinal, a code
    terms.add(`#${m[1]}${m[2] ?? ''}${m[3] ?? ''}`);
  }
  for (const m of norm.matchAll(QUOTED)) terms.add(`“${m[1]}`);
  return terms;
}

/** Words of three or more characters, and each two adjacent Han words as one compound. */
function addWordTerms(norm: string, terms: Set<string>): void {
  let previous = '';
  for (const { segment, isWordLike } of segmenter.segment(norm)) {
    const han = isWordLike && isHan(segment.charCodeAt(0));
    if (!han) { previous = ''; continue; }
    if (segment.length >= 3) terms.add(segment);
    if (previous && previous.length + segment.length >= 3) terms.add(previous + segment);
    previous = segment;
  }
}
