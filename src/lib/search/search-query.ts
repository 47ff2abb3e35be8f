/**
 * What a reader types, turned into what Pagefind is asked.
 *
 * Terms are separated by whitespace (ASCII or U+3000) and must ALL occur; a
 * quoted term ("…", “…”, 「…」, 『…』) is one phrase even with spaces inside.
 * Each term is normalised like the index copy and split into the same tokens
 * (cjk-spacing.ts), so 三会一课 becomes the phrase "三 会 一 课".
 */
import { isStandaloneChar, normalizeText } from './text-normalize.ts';
import { tokenizeForSearch } from './cjk-spacing.ts';

export interface SearchTerm {
  /** As typed, without its quotes. */
  raw: string;
  /** Normalised (text-normalize.ts). */
  text: string;
  /** The index tokens of text: one per CJK character, mark or symbol, one per Latin/digit run. */
  tokens: string[];
}

export interface PagefindQuery {
  /**
   * One quoted phrase per term, each to be searched on its own and the
   * results intersected: Pagefind 1.6 reads `"a b" "c d"` as the single
   * phrase "a b c d" (it strips the inner quotes as punctuation), so
   * several phrases in one query string are never ANDed.
   */
  phrases: string[];
  /** The same tokens unquoted (marks left out), searched only to rank the matches. */
  rank: string;
}

const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' };
const WHITESPACE = /^[\s\u3000]$/u;

function splitQuery(input: string): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) parts.push(current);
    current = '';
  };
  const chars = [...input];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const closing = CLOSING_QUOTE[char];
    if (closing !== undefined) {
      flush();
      let end = chars.indexOf(closing, i + 1);
      if (end === -1) end = chars.length; // an unclosed quote runs to the end
      current = chars.slice(i + 1, end).join('');
      flush();
      i = end;
    } else if (WHITESPACE.test(char)) {
      flush();
    } else {
      current += char;
    }
  }
  flush();
  return parts;
}

export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const raw of splitQuery(input)) {
    const text = normalizeText(raw);
    // A double quote cannot be written inside a Pagefind phrase: drop it from the tokens.
    const tokens = tokenizeForSearch(text).filter((token) => token !== '"');
    if (tokens.length === 0 || terms.some((term) => term.text === text)) continue;
    terms.push({ raw: raw.trim(), text, tokens });
  }
  return terms;
}

/** 三会一课 → "三 会 一 课", 2022年 → "2022 年", GDP增长 → "gdp 增 长". */
export function toPagefindPhrase(term: SearchTerm): string {
  return `"${term.tokens.join(' ')}"`;
}

/** A punctuation mark or symbol: useless for ranking, and its postings are the longest. */
function isMark(token: string): boolean {
  return /^[\p{P}\p{S}]$/u.test(token) && isStandaloneChar(token);
}

export function toPagefindQuery(terms: SearchTerm[]): PagefindQuery {
  const rankTokens = new Set(terms.flatMap((term) => term.tokens).filter((token) => !isMark(token)));
  return {
    phrases: terms.map(toPagefindPhrase),
    rank: [...rankTokens].join(' '),
  };
}
