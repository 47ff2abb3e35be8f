/**
 * One normal form for search, applied to the indexed copy of every page AND
 * to every query, so that both sides compare the same characters:
 *
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are removed;
 * - full-width digits, letters and the ASCII-variant signs used in numbers,
 *   codes and units (．％＋－／＠＃…) become ASCII: １５．３％ → 15.3%.
 *   The full-width marks that are ordinary Chinese punctuation stay as they
 *   are (！＂＇（），：；？［］｛｝), like ，。、“”《》: a query only ever types
 *   them when copying a phrase from the same text;
 * - ○ (U+25CB, often typed for the numeral zero: 二○○三年) becomes 〇;
 * - traditional characters become simplified, one character at a time, with
 *   OpenCC's Hong Kong → mainland character tables (which know 衞 → 卫) and a few
 *   variants OpenCC leaves alone (擧 汚 刼 …). Not OpenCC's phrase tables: a
 *   phrase rule (藉口 → 借口) would convert a text and a query cut from it
 *   differently ("可以藉" alone stays 藉), and a search must find every
 *   substring of what it indexed;
 * - whitespace collapses to one ASCII space and disappears next to a
 *   standalone character (CJK, punctuation, symbols) and inside typeset
 *   digit runs: "1 9 9 3 年3 月" → "1993年3月", while "10 20" stays;
 * - Latin letters are lower-cased (unless keepCase, for display copies).
 *
 * Each source character becomes at most one output character (lower-casing
 * aside), so normalizeWithMap can point every output index back to its source.
 */
import type { DictLike } from 'opencc-js/core';
// OpenCC's character tables for Hong Kong → mainland, in the order its hk2s
// conversion applies them. Imported one by one rather than through the
// 'opencc-js/t2cn' preset, whose phrase tables would add ~110 KB to the
// browser bundle; the package ships no type declarations for single tables
// (each is a "from to|from to…" string).
// @ts-expect-error untyped module
import CJK_COMPATIBILITY from 'opencc-js/dict/CJK_Compatibility_Ideographs';
// @ts-expect-error untyped module
import HK_VARIANTS_REVERSED from 'opencc-js/dict/HKVariantsRev';
// @ts-expect-error untyped module
import TRADITIONAL_TO_SIMPLIFIED from 'opencc-js/dict/TSCharacters';

export interface NormalizeOptions {
  /** Keep upper-case Latin letters, e.g. for the copy whose excerpts are shown. */
  keepCase?: boolean;
}

export interface NormalizedText {
  text: string;
  /** map[i] = UTF-16 index in the source of the character at text[i]. */
  map: number[];
}

/** Characters that form a search token on their own: CJK, punctuation, symbols. */
const STANDALONE_CHAR =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF\p{P}\p{S}]$/u;
const CONNECTOR = /^\p{Pc}$/u;
// Texts use a few thousand distinct characters: remembering them beats the Unicode regexes.
const CACHE_LIMIT = 50_000;
const standaloneCache = new Map<string, boolean>();

export function isStandaloneChar(char: string): boolean {
  let standalone = standaloneCache.get(char);
  if (standalone === undefined) {
    // "_" and other connectors belong to Latin words, as in Pagefind and Intl.Segmenter.
    standalone = STANDALONE_CHAR.test(char) && !CONNECTOR.test(char);
    if (standaloneCache.size < CACHE_LIMIT) standaloneCache.set(char, standalone);
  }
  return standalone;
}

const ZERO_WIDTH = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
/** Full-width forms of ASCII that are also standard Chinese punctuation: kept. */
const KEPT_FULL_WIDTH = new Set([...'！＂＇（），：；？［］｛｝']);
/** Variants seen in the corpus (1954, 1957) that OpenCC does not simplify. */
const EXTRA_VARIANTS = ['擧举', '汚污', '刼劫', '啣衔', '鶏鸡', '倣仿', '砲炮', '淸清', '覚觉'];

function singleCharEntries(dict: DictLike): [string, string][] {
  const entries = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict;
  return entries.flatMap(([from = '', to = '']) =>
    [...from].length === 1 && [...to].length === 1 ? [[from, to] as [string, string]] : [],
  );
}

let simplifiedChars: Map<string, string> | undefined;

/** Built on first use (~30 ms, once): the tables folded into one character map. */
function buildSimplifiedChars(): Map<string, string> {
  const tables: DictLike[] = [CJK_COMPATIBILITY, HK_VARIANTS_REVERSED, TRADITIONAL_TO_SIMPLIFIED];
  const stages = tables.map((table) => new Map(singleCharEntries(table)));
  stages.push(new Map(EXTRA_VARIANTS.map((pair) => [pair.charAt(0), pair.charAt(1)])));
  const map = new Map<string, string>();
  for (const key of new Set(stages.flatMap((stage) => [...stage.keys()]))) {
    let value = key;
    // Run the stages until nothing changes, so that normalising twice changes nothing.
    for (let round = 0; round < 3; round++) value = stages.reduce((char, stage) => stage.get(char) ?? char, value);
    if (value !== key) map.set(key, value);
  }
  return map;
}

function mapCharacterUncached(char: string, keepCase: boolean): string {
  if (ZERO_WIDTH.has(char)) return '';
  if (/^\s$/u.test(char)) return ' ';
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e && !KEPT_FULL_WIDTH.has(char)) char = String.fromCodePoint(code - 0xfee0);
  else if (char === '○') char = '〇';
  simplifiedChars ??= buildSimplifiedChars();
  char = simplifiedChars.get(char) ?? char;
  return keepCase ? char : char.toLowerCase();
}

const mappedCache = [new Map<string, string>(), new Map<string, string>()] as const;

function mapCharacter(char: string, keepCase: boolean): string {
  const cache = mappedCache[keepCase ? 1 : 0];
  let mapped = cache.get(char);
  if (mapped === undefined) {
    mapped = mapCharacterUncached(char, keepCase);
    if (cache.size < CACHE_LIMIT) cache.set(char, mapped);
  }
  return mapped;
}

function isDigit(char: string): boolean {
  return char.length === 1 && char >= '0' && char <= '9';
}

/**
 * One pass. Whitespace is held back until the next character shows whether
 * it is kept: not at either end, not next to a standalone character, and not
 * a single space after a lone digit ("1 9 9 3", but "10 20" keeps its space).
 */
function normalize(source: string, keepCase: boolean, withMap: boolean): NormalizedText {
  let text = '';
  const map: number[] = [];
  let last = ''; // the last character written
  let beforeLast = ''; // the mapped character just before it, a space included
  let previous = ''; // the last mapped character, a space included
  let pendingSpaces = 0;
  let spaceSource = 0;
  let spaceAfterLoneDigit = false;
  let at = 0;
  for (const char of source) {
    const sourceIndex = at;
    at += char.length;
    const mapped = mapCharacter(char, keepCase);
    if (mapped === '') continue;
    if (mapped === ' ') {
      if (pendingSpaces === 0) {
        spaceSource = sourceIndex;
        spaceAfterLoneDigit = isDigit(last) && !isDigit(beforeLast);
      }
      pendingSpaces++;
      previous = ' ';
      continue;
    }
    if (pendingSpaces > 0) {
      const keep =
        last !== '' &&
        !isStandaloneChar(last) &&
        !isStandaloneChar(mapped) &&
        !(pendingSpaces === 1 && spaceAfterLoneDigit && isDigit(mapped));
      if (keep) {
        text += ' ';
        if (withMap) map.push(spaceSource);
      }
      pendingSpaces = 0;
    }
    text += mapped;
    if (withMap) for (let k = 0; k < mapped.length; k++) map.push(sourceIndex);
    beforeLast = previous;
    last = mapped;
    previous = mapped;
  }
  return { text, map };
}

let needsMapping: RegExp | undefined;

/** Any character that normalize() would change, drop or hold back; most report paragraphs have none. */
function buildNeedsMapping(): RegExp {
  simplifiedChars ??= buildSimplifiedChars();
  const escape = (char: string) => char.replace(/[\\\]\[^-]/g, '\\$&');
  const fullWidth: string[] = [];
  for (let code = 0xff01; code <= 0xff5e; code++) {
    const char = String.fromCharCode(code);
    if (!KEPT_FULL_WIDTH.has(char)) fullWidth.push(escape(char));
  }
  const mapped = [...ZERO_WIDTH, '○', ...simplifiedChars.keys()].map(escape).join('');
  return new RegExp(`[\\s${fullWidth.join('')}${mapped}]`, 'u');
}

/** True when normalising leaves the text as it is (a regex scan instead of a loop over every character). */
function isAlreadyNormal(source: string, keepCase: boolean, withMap: boolean): boolean {
  needsMapping ??= buildNeedsMapping();
  if (needsMapping.test(source)) return false;
  if (!keepCase && source.toLowerCase() !== source) return false;
  // The map points both halves of a surrogate pair at the pair's start: leave those to the loop.
  return !withMap || !/[\uD800-\uDFFF]/.test(source);
}

export function normalizeWithMap(source: string, options: NormalizeOptions = {}): NormalizedText {
  const keepCase = options.keepCase ?? false;
  if (isAlreadyNormal(source, keepCase, true)) return { text: source, map: Array.from({ length: source.length }, (_, i) => i) };
  return normalize(source, keepCase, true);
}

export function normalizeText(source: string, options: NormalizeOptions = {}): string {
  const keepCase = options.keepCase ?? false;
  if (isAlreadyNormal(source, keepCase, false)) return source;
  return normalize(source, keepCase, false).text;
}
