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
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import type { Root, Element } from 'hast';
import { isStandaloneChar, normalizeText } from './text-normalize.ts';

const DIGIT = /^[0-9]$/;
/** "15.3", "24,000", "v1.2.3" stay one word, as Intl.Segmenter and Pagefind's indexer see them. */
const NUMBER_SEPARATOR = new Set(['.', ',']);

/** Splits already normalised text into search tokens (see the module comment). */
export function tokenizeForSearch(normalized: string): string[] {
  const tokens: string[] = [];
  const chars = [...normalized];
  let word = '';
  const flush = () => {
    if (word) tokens.push(word);
    word = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (/^\s$/u.test(char)) {
      flush();
    } else if (
      NUMBER_SEPARATOR.has(char) &&
      DIGIT.test(chars[i - 1] ?? '') &&
      DIGIT.test(chars[i + 1] ?? '') &&
      word
    ) {
      word += char;
    } else if (isStandaloneChar(char)) {
      flush();
      tokens.push(char);
    } else {
      word += char;
    }
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

// Created on first use, so that a browser bundle needing only the tokenizer
// (search-query.ts) leaves the HTML parser out: these packages are side-effect free.
let htmlProcessor: ReturnType<typeof createHtmlProcessor> | undefined;

function createHtmlProcessor() {
  return unified().use(rehypeParse).use(rehypeStringify);
}

/**
 * Rewrites the text nodes of a whole HTML page into their spaced form. Tags,
 * attributes (every data-pagefind-* included) and the content of script and
 * style elements are left as they are. ~2 ms for a 20 KB page (1,000: ~2 s).
 */
export function spaceCjkHtml(html: string): string {
  htmlProcessor ??= createHtmlProcessor();
  const tree = htmlProcessor.parse(html) as Root;
  visit(tree, 'text', (node, _index, parent) => {
    const element = parent as Element | Root | undefined;
    if (element?.type === 'element' && RAW_TEXT_ELEMENTS.has(element.tagName)) return;
    node.value = spaceTextNode(node.value);
  });
  return htmlProcessor.stringify(tree);
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
