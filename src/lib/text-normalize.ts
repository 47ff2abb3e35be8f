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
 * - traditional characters become simplified (opencc-js, hk → cn; on the
 *   1954 report it converts everything tw → cn does plus 衞 → 卫), with a few
 *   variant forms OpenCC leaves alone (擧 汚 刼 …);
 * - whitespace collapses to one ASCII space and disappears next to a
 *   standalone character (CJK, punctuation, symbols) and inside typeset
 *   digit runs: "1 9 9 3 年3 月" → "1993年3月", while "10 20" stays;
 * - Latin letters are lower-cased (unless keepCase, for display copies).
 *
 * Every step maps one source character to at most one output character
 * (lower-casing aside), so normalizeWithMap can point each output index back
 * to the source index it came from.
 */
import { Converter } from 'opencc-js/t2cn';

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

const standaloneCache = new Map<string, boolean>();

export function isStandaloneChar(char: string): boolean {
  let standalone = standaloneCache.get(char);
  if (standalone === undefined) {
    // "_" and other connectors belong to Latin words, as in Pagefind and Intl.Segmenter.
    standalone = STANDALONE_CHAR.test(char) && !CONNECTOR.test(char);
    // Texts use a few thousand distinct characters: remembering them beats the Unicode regex.
    if (standaloneCache.size < 50_000) standaloneCache.set(char, standalone);
  }
  return standalone;
}

const ZERO_WIDTH = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
/** Full-width forms of ASCII that are also standard Chinese punctuation: kept. */
const KEPT_FULL_WIDTH = new Set([...'！＂＇（），：；？［］｛｝']);
/** Variant characters seen in the corpus that OpenCC does not simplify. */
const EXTRA_VARIANTS = new Map<string, string>(
  ['擧举', '汚污', '刼劫', '啣衔', '鶏鸡', '倣仿', '砲炮', '淸清', '覚觉'].map((pair) => [pair.charAt(0), pair.charAt(1)]),
);
let toSimplified: ((text: string) => string) | undefined;

/** Built on first use: creating the converter costs ~20–40 ms and its data ~110 KB. */
function convertToSimplified(text: string): string {
  toSimplified ??= Converter({ from: 'hk', to: 'cn' });
  return toSimplified(text);
}

const mappedCache = [new Map<string, string>(), new Map<string, string>()];

function mapCharacter(char: string, keepCase: boolean): string {
  const cache = mappedCache[keepCase ? 1 : 0] as Map<string, string>;
  let mapped = cache.get(char);
  if (mapped === undefined) {
    mapped = mapCharacterUncached(char, keepCase);
    if (cache.size < 50_000) cache.set(char, mapped);
  }
  return mapped;
}

function mapCharacterUncached(char: string, keepCase: boolean): string {
  if (ZERO_WIDTH.has(char)) return '';
  if (/^\s$/u.test(char)) return ' ';
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e && !KEPT_FULL_WIDTH.has(char)) {
    char = String.fromCodePoint(code - 0xfee0);
  } else if (char === '○') {
    char = '〇';
  }
  return keepCase ? char : char.toLowerCase();
}

/** Traditional → simplified, one code point for one (checked), so indices still line up. */
function simplify(source: string): string {
  const converted = convertToSimplified(source);
  const aligned =
    converted.length === source.length || [...converted].length === [...source].length
      ? converted
      : [...source].map((char) => convertToSimplified(char)).join('');
  let out = '';
  for (const char of aligned) out += EXTRA_VARIANTS.get(char) ?? char;
  return out;
}

function isDigit(char: string): boolean {
  return char.length === 1 && char >= '0' && char <= '9';
}

/**
 * One pass over the simplified text. Whitespace is held back until the next
 * character shows whether it is kept: not at either end, not next to a
 * standalone character, and not a single space after a lone digit ("1 9 9 3").
 */
function normalize(source: string, keepCase: boolean, withMap: boolean): NormalizedText {
  const simplified = simplify(source);
  let text = '';
  const map: number[] = [];
  let last = ''; // last character written
  let beforeLast = ''; // the mapped character just before it, a space included
  let previous = ''; // the last mapped character, a space included
  let pendingSpaces = 0;
  let spaceSource = 0;
  let spaceAfterLoneDigit = false;
  let sourceIndex = 0;
  for (const char of simplified) {
    const at = sourceIndex;
    sourceIndex += (source.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    const mapped = mapCharacter(char, keepCase);
    if (mapped === '') continue;
    if (mapped === ' ') {
      if (pendingSpaces === 0) {
        spaceSource = at;
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
    if (withMap) for (let k = 0; k < mapped.length; k++) map.push(at);
    beforeLast = previous;
    last = mapped;
    previous = mapped;
  }
  return { text, map };
}

export function normalizeWithMap(source: string, options: NormalizeOptions = {}): NormalizedText {
  return normalize(source, options.keepCase ?? false, true);
}

export function normalizeText(source: string, options: NormalizeOptions = {}): string {
  return normalize(source, options.keepCase ?? false, false).text;
}
