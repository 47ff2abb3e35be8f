// The heading tree of a Chinese report, built from its numbering
// (第一部分 > 一、 > （一） > 1. > （1） > ①) rather than from typography, because
// most reports arrive as plain text where a heading is just a numbered line.

export type NumberingStyle = 'part' | 'chapter' | 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'circled';

export interface NumberingMatch {
  style: NumberingStyle;
  ordinal: number;
  /** The marker as written: "（一）", "1．", "第一部分". */
  marker: string;
  /** Text after the marker, leading whitespace removed. */
  rest: string;
}

/** One paragraph of input. `heading`: true = marked as heading by the author, false = surely a paragraph, undefined = plain text, we decide. */
export interface Block {
  text: string;
  heading?: boolean;
  /** Markdown heading depth, used only to rank headings that carry no numbering. */
  depth?: number;
}

/** Where a body paragraph starts in the input: its block and the character offset inside block.text. */
export interface BodyRef {
  blockIndex: number;
  offset: number;
}

export interface OutlineSection {
  /** Path of 1-based positions among siblings: "1", "1.2", "1.2.3". Stable for a given text. */
  id: string;
  /** Heading text including its marker, e.g. "（一）加强党的建设，纵深推进全面从严治党". */
  title: string;
  marker: string;
  style: NumberingStyle | null;
  ordinal: number | null;
  /** 1-based depth in the tree. */
  level: number;
  blockIndex: number;
  /** Paragraphs directly under this heading, before its first child. */
  body: string[];
  /** Parallel to body: where each paragraph comes from (for anchors in the rendered page). */
  bodyRefs: BodyRef[];
  children: OutlineSection[];
}

export interface Outline {
  /** Paragraphs before the first heading (title block, salutation, opening). */
  preamble: string[];
  sections: OutlineSection[];
  /**
   * The speech's closing: from the first salutation ("各位代表！") after the last heading to the end.
   * National reports put defence, Hong Kong/Taiwan, foreign policy and the rallying call there;
   * leaving it in the last sub-section would file them under e.g. "（十）切实保障和改善民生".
   */
  closing: string[];
  /** Parallel to closing: where each of its paragraphs comes from. */
  closingRefs?: BodyRef[];
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Ordinal of a Chinese numeral used in numbering, 1–99 ("十一" → 11, "二十" → 20); null if malformed. */
export function parseChineseOrdinal(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CN_DIGIT[tens]! : null;
  return (tens ? CN_DIGIT[tens]! : 1) * 10 + (ones ? CN_DIGIT[ones]! : 0);
}

/** Same-length copy with full-width digits, dot and percent made half-width, so indexes still match. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９．％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const SPACE = '[\\s\\u3000\\u00a0]*';
const CN_NUM = '[一二三四五六七八九十]{1,3}';
const AR_NUM = '[0-9０-９]{1,2}';
const LEADING_SPACE = /^[\s\u3000\u00a0\ufeff]+/;

// Bracketed forms before bare ones, 第X部分 before 第X章.
const PATTERNS: { style: NumberingStyle; re: RegExp }[] = [
  { style: 'part', re: new RegExp(`^第(${CN_NUM}|${AR_NUM})部分`) },
  { style: 'chapter', re: new RegExp(`^第(${CN_NUM}|${AR_NUM})章`) },
  { style: 'cn-paren', re: new RegExp(`^[（(]${SPACE}(${CN_NUM})${SPACE}[）)]`) },
  { style: 'arabic-paren', re: new RegExp(`^[（(]${SPACE}(${AR_NUM})${SPACE}[）)]`) },
  { style: 'cn', re: new RegExp(`^(${CN_NUM})${SPACE}[、．.]`) },
  // The lookahead rejects decimals and number lists: "1.5万元", "1、2月份".
  { style: 'arabic', re: new RegExp(`^(${AR_NUM})${SPACE}[、．.](?!${SPACE}[0-9０-９])`) },
  { style: 'circled', re: /^([\u2460-\u2473])/ },
];

// "一、二季度", "一、二、三产业", "三、四月份", "一、二等奖": a list of numbers, not a heading.
const NUMBER_LIST_AFTER_CN = /^[一二三四五六七八九十](?:[、，,季类线级月等号期批档]|产业)/;
// "第一部分是…", "第三章的规定": a reference inside a sentence.
const REFERENCE_AFTER_PART = /^[是的中里为和与及]/;

/** Recognises the numbering at the start of a paragraph (leading indentation ignored). */
export function matchNumbering(text: string): NumberingMatch | null {
  const trimmed = text.replace(LEADING_SPACE, '');
  for (const { style, re } of PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const numeral = m[1]!;
    const ordinal = style === 'circled'
      ? numeral.charCodeAt(0) - 0x2460 + 1
      : /\d|[０-９]/.test(numeral) ? Number(toHalfWidthDigits(numeral)) : parseChineseOrdinal(numeral);
    if (ordinal === null || ordinal < 1) return null;
    const marker = m[0];
    let rest = trimmed.slice(marker.length).replace(LEADING_SPACE, '');
    if (style === 'cn' && NUMBER_LIST_AFTER_CN.test(rest)) return null;
    if (style === 'part' || style === 'chapter') {
      if (REFERENCE_AFTER_PART.test(rest)) return null;
      rest = rest.replace(/^[、：:．.]/, '').replace(LEADING_SPACE, '');
    }
    return { style, ordinal, marker, rest };
  }
  return null;
}

/** Longest heading (after its marker); 2012 海拉尔 and 2018 national sub-headings reach 45 characters. */
export const MAX_HEADING_CHARS = 45;
/** A line with no final punctuation at all may be a little longer and still be a heading (1988). */
const MAX_UNPUNCTUATED_HEADING_CHARS = 50;

/**
 * Splits "1.强化政治意识，持续抓好理论学习。一是…" into the heading sentence (up to and
 * including the first 。！？) and the rest. No sentence end → the whole text is the heading.
 */
export function splitHeadingSentence(text: string): { heading: string; rest: string } {
  const trimmed = text.trim();
  const end = trimmed.search(/[。！？!?]/);
  if (end < 0) return { heading: trimmed, rest: '' };
  return { heading: trimmed.slice(0, end + 1), rest: trimmed.slice(end + 1).trim() };
}

function charCount(text: string): number {
  return [...text].length;
}

/**
 * Decides whether a numbered plain-text line is a heading. Returns the heading and
 * the body text that follows it on the same line, or null for a numbered paragraph.
 */
function readPlainHeading(match: NumberingMatch, text: string): { title: string; rest: string } | null {
  const { rest, style } = match;
  const length = charCount(rest);
  // A list item ("一、节约能源…；") ends like a clause; a heading does not.
  const endsLikeClause = /[；;，,、]$/.test(rest);
  const innerStop = /[。！？!?；;]/.test(rest.slice(0, -1));
  const unpunctuated = !/[\p{P}]$/u.test(rest);
  const short = length <= MAX_HEADING_CHARS || (unpunctuated && length <= MAX_UNPUNCTUATED_HEADING_CHARS);
  if (short && !endsLikeClause && !innerStop) return { title: text, rest: '' };
  // （1） and ① items inside running text are enumerations, not headings.
  if (style === 'arabic-paren' || style === 'circled') return null;
  const split = splitHeadingSentence(rest);
  if (split.rest === '' || charCount(split.heading) > MAX_HEADING_CHARS) return null;
  if (/[；;]/.test(split.heading)) return null;
  // The title keeps the line as written ("第一部分　主要工作"), up to the end of the heading sentence.
  return { title: text.slice(0, text.length - split.rest.length).trimEnd(), rest: split.rest };
}

// "各位代表！" / "各位代表，新的形势催人奋进…" — only looked for after the last heading.
const SALUTATION = /^(?:各位代表|同志们|各位委员)(?:[！!，,：:]|$)/;

interface Candidate {
  match: NumberingMatch | null;
  /** Heading text and same-line body; null when the block is a paragraph. */
  heading: { title: string; rest: string } | null;
}

function readCandidate(block: Block): Candidate {
  const text = block.text.trim();
  if (block.heading === false || text === '') return { match: null, heading: null };
  const match = matchNumbering(text);
  if (block.heading === true) return { match, heading: { title: text, rest: '' } };
  return { match, heading: match && match.rest !== '' ? readPlainHeading(match, text) : null };
}

/**
 * A run restarting at 1 inside an open section of the same style is a nested series
 * (1986: 二、 holds 一、…五、, then 三、 resumes) only if the outer series resumes after it;
 * a run that simply goes on (1988: 一、…五、 then 一、…十、) is a new series at the same level.
 */
function outerSeriesResumes(candidates: Candidate[], from: number, style: NumberingStyle, outerOrdinal: number): boolean {
  let inner = 1;
  for (let i = from + 1; i < candidates.length; i++) {
    const { match, heading } = candidates[i]!;
    if (!heading || match?.style !== style) continue;
    if (match.ordinal === inner + 1) inner++;
    else return match.ordinal === outerOrdinal + 1;
  }
  return false;
}

/**
 * Where a heading sits: Markdown depth first (0 in plain text), then, among numbered
 * headings of one depth, the order in which their styles first appeared. An unnumbered
 * heading ("## 前言") is a sibling of any numbered heading of its depth.
 */
interface Rank {
  key: string;
  depth: number;
  sub: number | null;
}

function contains(outer: Rank, inner: Rank): boolean {
  if (outer.depth !== inner.depth) return outer.depth < inner.depth;
  return outer.sub !== null && inner.sub !== null && outer.sub < inner.sub;
}

/** Builds the heading tree. Levels follow the order in which numbering styles first appear. */
export function parseOutline(blocks: readonly Block[]): Outline {
  const preamble: string[] = [];
  const sections: OutlineSection[] = [];
  const stack: OutlineSection[] = [];
  const rankOf = new Map<OutlineSection, Rank>();
  const subRanks = new Map<string, number>();
  const rankFor = (block: Block, match: NumberingMatch | null): Rank => {
    const depth = block.heading === true ? block.depth ?? 0 : 0;
    const style = match?.style ?? null;
    const key = `${depth}:${style ?? 'plain'}`;
    if (style && !subRanks.has(key)) {
      // 第X部分 / 第X章 always outrank the rest; other styles rank by first appearance.
      subRanks.set(key, style === 'part' ? -2 : style === 'chapter' ? -1 : subRanks.size);
    }
    return { key, depth, sub: style ? subRanks.get(key)! : null };
  };
  const candidates = blocks.map(readCandidate);
  // The last numbered paragraph, while numbered paragraphs follow each other: "一、…；二、…；"
  // then "五、…。" is the list going on, not a heading (1987, 1988).
  let listRun: NumberingMatch | null = null;

  const addBody = (text: string, ref: BodyRef): void => {
    const top = stack[stack.length - 1];
    if (!top) return void preamble.push(text);
    top.body.push(text);
    top.bodyRefs.push(ref);
  };

  // Returns false when a plain-text line breaks the numbering sequence: it is then a list item.
  const place = (title: string, match: NumberingMatch | null, blockIndex: number): boolean => {
    const block = blocks[blockIndex]!;
    const rank = rankFor(block, match);
    const ordinal = match?.ordinal ?? null;
    const sameKey = (s: OutlineSection) => rankOf.get(s)!.key === rank.key;
    let siblingAt = -1;
    let nested = false;
    if (match && ordinal !== null) {
      siblingAt = stack.findLastIndex((s) => sameKey(s) && s.ordinal! + 1 === ordinal);
      // A skipped number (2007: （二） then （四）) still continues the sequence; in plain text
      // a bigger jump ("一、" … "五、") is more likely a numbered paragraph.
      const maxJump = block.heading === true ? Infinity : 2;
      if (siblingAt < 0) siblingAt = stack.findLastIndex((s) => sameKey(s) && ordinal > s.ordinal! && ordinal - s.ordinal! <= maxJump);
      const open = stack.findLastIndex(sameKey);
      if (siblingAt < 0 && open >= 0) {
        if (ordinal === 1) {
          nested = outerSeriesResumes(candidates, blockIndex, match.style, stack[open]!.ordinal!);
          if (!nested) siblingAt = open;
        } else if (block.heading !== true) return false;
        else siblingAt = open;
      }
    }
    if (siblingAt >= 0) stack.length = siblingAt;
    else if (nested) stack.length = stack.findLastIndex(sameKey) + 1;
    else {
      while (stack.length > 0 && !contains(rankOf.get(stack[stack.length - 1]!)!, rank)) stack.pop();
    }
    const parent = stack[stack.length - 1];
    const section: OutlineSection = {
      id: '', title, marker: match?.marker ?? '', style: match?.style ?? null, ordinal,
      level: stack.length + 1, blockIndex, body: [], bodyRefs: [], children: [],
    };
    (parent ? parent.children : sections).push(section);
    rankOf.set(section, rank);
    stack.push(section);
    return true;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = block.text.trim();
    if (text === '') continue;
    const ref = { blockIndex: i, offset: block.text.length - block.text.trimStart().length };
    const { match, heading } = candidates[i]!;
    const continuesList = listRun !== null && match?.style === listRun.style && match.ordinal === listRun.ordinal + 1;
    if (heading && (block.heading === true || !continuesList) && place(heading.title, match, i)) {
      listRun = null;
      if (heading.rest !== '') {
        addBody(heading.rest, { blockIndex: i, offset: ref.offset + text.length - heading.rest.length });
      }
      continue;
    }
    listRun = block.heading === false ? null : match;
    const next = blocks[i + 1];
    const nextText = next?.text.trim() ?? '';
    if (match?.rest === '' && block.heading !== true && next && next.heading === undefined && nextText !== '' && !matchNumbering(nextText)) {
      // A marker alone on its line ("一、" in 1955/1986) numbers the paragraph that follows.
      addBody(text + nextText, ref);
      i++;
      continue;
    }
    addBody(text, ref);
  }

  assignIds(sections, '', 1);
  const { closing, closingRefs } = takeClosing(sections);
  return { preamble, sections, closing, closingRefs };
}

function assignIds(sections: OutlineSection[], prefix: string, level: number): void {
  sections.forEach((section, index) => {
    section.id = prefix + String(index + 1);
    section.level = level;
    assignIds(section.children, section.id + '.', level + 1);
  });
}

/** Moves everything from the first salutation after the last heading out of the sections. */
function takeClosing(sections: OutlineSection[]): { closing: string[]; closingRefs: BodyRef[] } {
  const last = flattenOutline({ preamble: [], sections, closing: [] }).at(-1);
  const start = last ? last.body.findIndex((text) => SALUTATION.test(text)) : -1;
  if (!last || start < 0) return { closing: [], closingRefs: [] };
  return { closingRefs: last.bodyRefs.splice(start), closing: last.body.splice(start) };
}

/** All sections in document order, for tables of contents. */
export function flattenOutline(outline: Outline): OutlineSection[] {
  const out: OutlineSection[] = [];
  const walk = (list: OutlineSection[]) => list.forEach((s) => { out.push(s); walk(s.children); });
  walk(outline.sections);
  return out;
}
