/**
 * The index copy of a page: every CJK character, punctuation mark and symbol
 * stands apart between spaces, runs of Latin letters and digits stay whole
 * ("GDP增长15.3%" → "GDP 增 长 15.3 %"). Pagefind then indexes one word per
 * character, and a query quoted the same way (search-query.ts) matches any
 * substring, whatever a word segmenter would have made of it.
 *
 * The same tokenizer serves both sides: tokenizeForSearch is what a query's
 * phrase is made of, spaceCjkText what the index sees.
 */
import { isStandaloneChar, normalizeText } from './text-normalize.ts';

const DIGIT = /^[0-9]$/;
/** "15.3", "24,000", "v1.2.3" stay one word, as Intl.Segmenter and Pagefind's indexer see them. */
const NUMBER_SEPARATOR = new Set(['.', ',']);

const spaceCache = new Map<string, boolean>();
function isSpace(char: string): boolean {
  let space = spaceCache.get(char);
  if (space === undefined) {
    space = /^\s$/u.test(char);
    if (spaceCache.size < 50_000) spaceCache.set(char, space);
  }
  return space;
}

/**
 * Splits already normalised text into search tokens (see the module comment). One pass over the
 * code points: a "." or "," after a digit waits for the next character to tell whether it joins a number.
 */
export function tokenizeForSearch(normalized: string): string[] {
  const tokens: string[] = [];
  let word = '';
  let previous = '';
  let separator = '';
  const flush = () => {
    if (word) tokens.push(word);
    word = '';
  };
  for (const char of normalized) {
    if (separator) {
      if (DIGIT.test(char)) {
        word += separator + char;
        separator = '';
        previous = char;
        continue;
      }
      flush();
      tokens.push(separator);
      separator = '';
    }
    if (isSpace(char)) flush();
    else if (NUMBER_SEPARATOR.has(char) && word && DIGIT.test(previous)) separator = char;
    else if (isStandaloneChar(char)) {
      flush();
      tokens.push(char);
    } else word += char;
    previous = char;
  }
  if (separator) {
    flush();
    tokens.push(separator);
  }
  flush();
  return tokens;
}

/** Normalised (keeping case, for readable excerpts) and spaced into tokens. */
export function spaceCjkText(text: string): string {
  return tokenizeForSearch(normalizeText(text, { keepCase: true })).join(' ');
}

/** A text node keeps a boundary on either side where its text had one or where a token must stand apart. */
function spaceTextNode(value: string): string {
  const tokens = tokenizeForSearch(normalizeText(value, { keepCase: true }));
  if (tokens.length === 0) return value;
  const first = [...(tokens[0] ?? '')][0] ?? '';
  const last = [...(tokens[tokens.length - 1] ?? '')].pop() ?? '';
  const lead = /^\s/u.test(value) || isStandaloneChar(first) ? ' ' : '';
  const trail = /\s$/u.test(value) || isStandaloneChar(last) ? ' ' : '';
  return lead + tokens.join(' ') + trail;
}

const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'textarea']);
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// A tag (attribute values may hold ">"), a comment or doctype, or a run of text.
const HTML_TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<\/?([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;

/**
 * Rewrites the text of a whole HTML page into its spaced form. Tags, attributes (every data-pagefind-*
 * included), comments and the content of script and style elements are left exactly as written. A
 * scan of the page as tags and text, not a parse into a tree: the build runs it on every report page
 * (a tree parser and serialiser took ~90 ms for a 100 KB page, this takes a few).
 */
export function spaceCjkHtml(html: string): string {
  let out = '';
  let rawUntil: string | null = null;
  for (const match of html.matchAll(HTML_TOKEN)) {
    const token = match[0];
    const tag = match[1]?.toLowerCase();
    if (tag !== undefined) {
      if (token[1] === '/') {
        if (rawUntil === tag) rawUntil = null;
      } else if (rawUntil === null && RAW_TEXT_ELEMENTS.has(tag) && !token.endsWith('/>')) rawUntil = tag;
      out += token;
    } else if (rawUntil !== null || token.startsWith('<!') || token === '<') out += token;
    else out += escapeText(spaceTextNode(decodeEntities(token)));
  }
  return out;
}

/**
 * The characters Pagefind must keep as words (its `includeCharacters`): by
 * default both its indexer and its query parser drop punctuation, but the
 * indexer still gives each dropped mark a position, so a phrase read across
 * "，" would never match. Listing every standalone mark of the index copy
 * (plus the common ones a query may contain) keeps both sides aligned.
 * The ASCII double quote is left out: in a query it marks a phrase.
 */
export function collectIncludeCharacters(indexedTexts: Iterable<string>): string {
  const found = new Set<string>(
    [...'，。、；：？！“”‘’《》〈〉「」『』【】〔〕（）—–-…·%‰.,;:!?()[]{}/\\+*=<>~@#$&^|`\''],
  );
  for (const text of indexedTexts) {
    for (const match of text.matchAll(/[\p{P}\p{S}]/gu)) found.add(match[0]);
  }
  found.delete('"');
  // Pagefind keeps "_" already; listing it again is harmless but noisy.
  found.delete('_');
  return [...found].join('');
}

/**
 * collectIncludeCharacters from the pages as written, before they are spaced: every mark they hold and
 * what normalizeText makes of it (it maps one character at a time). A superset of the marks of the
 * spaced copies, known before the first page is indexed.
 */
export function collectIncludeCharactersOfPages(pagesHtml: Iterable<string>): string {
  const marks = new Set<string>();
  for (const html of pagesHtml) for (const match of html.matchAll(/[\p{P}\p{S}]/gu)) marks.add(match[0]);
  const written = [...marks].join('');
  return collectIncludeCharacters([written, normalizeText(written, { keepCase: true })]);
}
