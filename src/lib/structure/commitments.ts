// Promises a report makes in its plans sections, one per enumerated item or paragraph,
// with ids derived from the outline so next year's report can refer back to them.

import { parseChineseOrdinal, toHalfWidthDigits, type Outline, type OutlineSection } from './outline.ts';
import type { SectionRole } from './section-roles.ts';

export interface Commitment {
  /**
   * Derived from the place in the outline, so it is stable while the text keeps its structure:
   * - `c-3-2`     the whole leaf section 3.2 (heading + its single paragraph, no enumeration);
   * - `c-3-2-e3`  the 3rd enumerated item (一是/二是…, 首先/其次/最后, 第一，, （1）, ①) in section 3.2,
   *               counted across all of the section's paragraphs;
   * - `c-3-1-p2`  paragraph 2 of section 3.1 (1-based position in its body), for sections whose
   *               paragraphs are not enumerated, as in the national 政府工作任务.
   */
  id: string;
  /** The promise without its enumeration marker (一是, （一）…). */
  text: string;
  sectionId: string;
  /** Titles from the top-level section down to sectionId. */
  sectionPath: string[];
  /** 1-based position among the report's commitments, in document order. */
  ordinal: number;
  kind: 'item' | 'enumerated' | 'paragraph';
  /** Where the commitment starts in the input blocks (for anchors); for `item`, its heading. */
  blockIndex: number;
  offset: number;
}

interface EnumMarker {
  family: string;
  ordinal: number;
  /** Offset of the marker in the paragraph, and of the text after it. */
  start: number;
  textStart: number;
}

// Each family is a marker that counts: 一是/二是, 一要/二要, 第一，/第二，, 首先/其次/再次/最后, （1）, ①.
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

/** Markers of one family that form runs 1, 2, 3… (a run must reach 2); "最后" closes any run. */
function findRuns(paragraphs: string[], family: (typeof FAMILIES)[number]): { paragraph: number; marker: EnumMarker }[] {
  const accepted: { paragraph: number; marker: EnumMarker }[] = [];
  let run: { paragraph: number; marker: EnumMarker }[] = [];
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

/** The enumeration of a section: the family whose first run starts earliest. */
function findEnumeration(paragraphs: string[]): { paragraph: number; marker: EnumMarker }[] {
  let best: { paragraph: number; marker: EnumMarker }[] = [];
  for (const family of FAMILIES) {
    const runs = findRuns(paragraphs, family);
    const first = runs[0];
    const bestFirst = best[0];
    if (first && (!bestFirst || first.paragraph < bestFirst.paragraph ||
      (first.paragraph === bestFirst.paragraph && first.marker.start < bestFirst.marker.start))) best = runs;
  }
  return best;
}

// Lines that are not promises: a salutation, or an intro ending in a colon ("要重点抓好以下十方面工作：").
const NOT_A_PROMISE = /^(?:各位代表|同志们)[！!，,：:]?$|[：:]$/;

function stripMarker(section: OutlineSection): string {
  return section.title.slice(section.marker.length).trim();
}

function collectLeaf(section: OutlineSection, path: string[], out: Omit<Commitment, 'ordinal'>[]): void {
  const base = `c-${section.id.replaceAll('.', '-')}`;
  const common = { sectionId: section.id, sectionPath: path };
  const enumeration = findEnumeration(section.body);
  if (enumeration.length === 0 && section.body.length <= 1) {
    const heading = stripMarker(section);
    // "（二）深入实施科教兴国战略" + its paragraph: keep the two apart when the heading has no stop.
    const text = section.body.length === 0 ? heading : heading + (/[\p{P}]$/u.test(heading) ? '' : ' ') + section.body[0];
    out.push({ ...common, id: base, text, kind: 'item', blockIndex: section.blockIndex, offset: 0 });
    return;
  }
  section.body.forEach((paragraph, p) => {
    const ref = section.bodyRefs[p]!;
    const items = enumeration.filter((e) => e.paragraph === p);
    if (items.length === 0) {
      if (NOT_A_PROMISE.test(paragraph.trim())) return;
      out.push({ ...common, id: `${base}-p${p + 1}`, text: paragraph, kind: 'paragraph', blockIndex: ref.blockIndex, offset: ref.offset });
      return;
    }
    // Text before the first marker ("坚持把党的政治建设作为…。一是…") introduces the items.
    items.forEach((item, i) => {
      const end = items[i + 1]?.marker.start ?? paragraph.length;
      const n = enumeration.indexOf(item) + 1;
      out.push({
        ...common, id: `${base}-e${n}`, text: paragraph.slice(item.marker.textStart, end).trim(), kind: 'enumerated',
        blockIndex: ref.blockIndex, offset: ref.offset + item.marker.start,
      });
    });
  });
}

/**
 * Every promise in the plans sections. A section with sub-sections contributes only
 * through them (its intro paragraphs are not commitments); a leaf contributes its
 * enumerated items, else its paragraphs, else itself as one item.
 */
export function extractCommitments(outline: Outline, roles: Record<string, SectionRole>): Commitment[] {
  const out: Omit<Commitment, 'ordinal'>[] = [];
  const walk = (section: OutlineSection, path: string[]) => {
    const here = [...path, section.title];
    if (section.children.length > 0) for (const child of section.children) walk(child, here);
    else if (roles[section.id] === 'plans') collectLeaf(section, here, out);
  };
  for (const section of outline.sections) walk(section, []);
  return out.map((c, i) => ({ ...c, ordinal: i + 1 }));
}
