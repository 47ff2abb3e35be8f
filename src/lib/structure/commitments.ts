// Promises a report makes in its plans part, as a reader would list them: one per 一是/二是
// item, per indicator of the targets paragraph, per sentence (or "；" clause) of a bundled
// paragraph, including the 总体要求 and the promises after the last numbered task (closing).
// Ids derive from the outline so next year's report can refer back to them.

import { CLOSING_SECTION_ID, CLOSING_TITLE } from './closing-section.ts';
import type { BodyRef, Outline, OutlineSection } from './outline.ts';
import type { SectionRole } from './section-roles.ts';
import { findEnumeration, type EnumItem } from './enumeration.ts';
import { splitPromises, type Span } from './promise-split.ts';
import { splitTargets } from './targets-paragraph.ts';
import { classifyCommitment, goalMetrics, type CommitmentKind } from './commitment-kind.ts';
import { extractMetrics, type Metric } from './metrics.ts';

export type { CommitmentKind } from './commitment-kind.ts';

export interface Commitment {
  /**
   * Derived from the place in the outline, so it is stable while the text keeps its structure:
   * - `c-3-2`        the whole leaf section 3.2 (heading + its single one-promise paragraph, or a bare heading);
   * - `c-3-2-e3`     the 3rd enumerated item (一是/二是…, 首先/其次/最后, 第一，, （1）, ①) of section 3.2,
   *                  counted across all of the section's paragraphs; when the item is a short title-like
   *                  lead followed by several tasks, the lead alone, and `c-3-2-e3-s1`… the tasks;
   * - `c-3-1-p2`     paragraph 2 of section 3.1 (1-based position in its body) when it holds one promise;
   * - `c-3-1-p2-s3`  its 3rd promise when it holds several (sentences or "；" clauses);
   * - `c-2-p3-t1`    the 1st indicator of the targets paragraph 2/p3;
   * - `c-end-p2-s1`  a promise in the closing (after the last numbered section): 国防, 外交…
   */
  id: string;
  /** The promise without its enumeration marker (一是, （一）…). */
  text: string;
  /** Section id ("3.2"); "end" for the closing. */
  sectionId: string;
  /** Titles from the top-level section down to sectionId. */
  sectionPath: string[];
  /** 1-based position among the report's commitments, in document order. */
  ordinal: number;
  /** How it was cut out of the text. */
  form: 'item' | 'enumerated' | 'paragraph' | 'sentence' | 'indicator';
  kind: CommitmentKind;
  /** For targets: the figures to reach ("国内生产总值增长5%左右" → 增长 5 %, 左右). */
  metrics?: Metric[];
  /** Where the commitment starts in the input blocks (for anchors); for `item`, its heading. */
  blockIndex: number;
  offset: number;
}

type Draft = Omit<Commitment, 'ordinal' | 'kind' | 'metrics'> & { indicator?: boolean };

export { CLOSING_SECTION_ID, CLOSING_TITLE };

// An intro paragraph of a part with sub-sections is a promise only when it states the overall
// requirement or the targets ("今年政府工作的总体要求是", "做好今年政府工作，要…", "主要预期目标是").
const REQUIREMENTS = /总体要求|预期目标|主要目标|目标任务是|做好[^。，]{0,8}工作[，,]要/;
// A stance paragraph is one too: it says what is to be done, "要" opening it or its main clause
// ("要坚持稳字当头、稳中求进，…积极的财政政策要加力提效。", "当前…已进入常态化防控阶段，要在…基础上，
// 更加科学、精准、高效做好防控工作"); not the context or the lead-in to the sub-sections ("今年是政府
// 换届之年，…下面简述几项重点。", "为实现上述目标，要重点抓好以下十方面工作："). 要 after a stop is the
// modal, not 要求/主要/重要.
const STANCE = /(?:^|[，,；;。])要(?!求)/;
const LEAD_IN = /[：:]\s*$/;

const DATED_DEED = /(?:年内|今年|年底|年末|[0-9０-９]{4}年)[^。，]{0,6}(?:启动|完成|建成|开工|投入使用|投用)/;

function stripMarker(section: OutlineSection): string {
  return section.title.slice(section.marker.length).trim();
}

interface Place {
  sectionId: string;
  sectionPath: string[];
}

/** The promises of one paragraph (or of its part from..to) as drafts with ids under `base`. */
function splitParagraph(text: string, ref: BodyRef, base: string, place: Place, from = 0, to = text.length): Draft[] {
  const targets = from === 0 && to === text.length ? splitTargets(text) : null;
  const drafts: Draft[] = [];
  // A clause cut at "；" is listed without it.
  const at = (span: Span) => ({ blockIndex: ref.blockIndex, offset: ref.offset + span.start, text: text.slice(span.start, span.end).replace(/[；;]$/, '') });
  // The list's intro ("今年发展主要预期目标是：") ends with a colon: not a promise of its own.
  const sentences = targets
    ? [...splitPromises(text, from, targets.list.start), ...splitPromises(text, targets.list.end, to)]
    : splitPromises(text, from, to);
  const spans = [...sentences.map((span) => ({ span, indicator: false })), ...(targets?.indicators ?? []).map((span) => ({ span, indicator: true }))]
    .sort((a, b) => a.span.start - b.span.start);
  let s = 0;
  let t = 0;
  for (const { span, indicator } of spans) {
    const id = indicator ? `${base}-t${++t}` : `${base}-s${++s}`;
    drafts.push({ ...place, ...at(span), id, form: indicator ? 'indicator' : 'sentence', ...(indicator ? { indicator } : {}) });
  }
  // A paragraph that is one promise keeps the paragraph's own id.
  if (drafts.length === 1 && !targets) return [{ ...drafts[0]!, id: base, form: 'paragraph' }];
  return drafts;
}

function collectLeaf(section: OutlineSection, path: string[], out: Draft[]): void {
  const base = `c-${section.id.replaceAll('.', '-')}`;
  const place = { sectionId: section.id, sectionPath: path };
  const enumeration = findEnumeration(section.body);
  if (enumeration.length === 0 && section.body.length <= 1) {
    const heading = stripMarker(section);
    const body = section.body[0] ?? '';
    const pieces = body ? splitParagraph(body, section.bodyRefs[0]!, `${base}-p1`, place) : [];
    if (pieces.length <= 1 && !pieces.some((p) => p.form === 'indicator')) {
      // "（二）深入实施科教兴国战略" + its paragraph: keep the two apart when the heading has no stop.
      const text = body === '' ? heading : heading + (/[\p{P}]$/u.test(heading) ? '' : ' ') + body;
      out.push({ ...place, id: base, text, form: 'item', blockIndex: section.blockIndex, offset: 0 });
    } else out.push(...pieces);
    return;
  }
  section.body.forEach((paragraph, p) => {
    const ref = section.bodyRefs[p]!;
    const items = enumeration.filter((e) => e.paragraph === p);
    if (items.length === 0) {
      out.push(...splitParagraph(paragraph, ref, `${base}-p${p + 1}`, place));
      return;
    }
    // Text before the first marker ("坚持把党的政治建设作为…。一是…") introduces the items;
    // only a figure to reach in it ("全年计划投资12.7亿元，实施重点项目17个。") or a dated deed
    // ("2012年全面启动新城区建设") is a promise of its own.
    const intro = splitParagraph(paragraph, ref, `${base}-p${p + 1}`, place, 0, items[0]!.marker.start)
      .filter((d) => goalMetrics(d.text).length > 0 || DATED_DEED.test(d.text));
    out.push(...intro.map((d, i) => ({ ...d, id: `${base}-p${p + 1}-s${i + 1}`, form: 'sentence' as const })));
    out.push(...enumeratedItems(paragraph, ref, items, enumeration, base, place));
  });
}

/** A lead this short ("四是大力提升旅游业发展水平。", "第二，保持经济运行处在合理区间。") heads its item like a title. */
const MAX_LEAD_CHARS = 20;

function enumeratedItems(paragraph: string, ref: BodyRef, items: EnumItem[], all: EnumItem[], base: string, place: Place): Draft[] {
  return items.flatMap((item, i) => {
    const id = `${base}-e${all.indexOf(item) + 1}`;
    const end = items[i + 1]?.marker.start ?? paragraph.length;
    const at = (start: number) => ({ blockIndex: ref.blockIndex, offset: ref.offset + start });
    const whole: Draft = { ...place, id, text: paragraph.slice(item.marker.textStart, end).trim(), form: 'enumerated', ...at(item.marker.start) };
    // An item made of a title-like lead and two or more tasks after it is a bundle: the lead
    // keeps the item's id, each task after it is a promise of its own.
    const [lead, ...rest] = splitPromises(paragraph, item.marker.textStart, end);
    if (!lead || rest.length < 2 || [...paragraph.slice(lead.start, lead.end)].length > MAX_LEAD_CHARS) return [whole];
    return [
      { ...whole, text: paragraph.slice(lead.start, lead.end) },
      ...rest.map((span, k) => ({ ...place, id: `${id}-s${k + 1}`, text: paragraph.slice(span.start, span.end).replace(/[；;]$/, ''), form: 'sentence' as const, ...at(span.start) })),
    ];
  });
}

/** Intro paragraphs of a plans part with sub-sections: only its requirements, targets and stances. */
function collectIntro(section: OutlineSection, path: string[], out: Draft[]): void {
  const base = `c-${section.id.replaceAll('.', '-')}`;
  section.body.forEach((paragraph, p) => {
    if (!REQUIREMENTS.test(paragraph) && !(STANCE.test(paragraph) && !LEAD_IN.test(paragraph))) return;
    out.push(...splitParagraph(paragraph, section.bodyRefs[p]!, `${base}-p${p + 1}`, { sectionId: section.id, sectionPath: path }));
  });
}

/** The closing after a plans part: 政府自身建设, 国防, 港澳台, 外交…; not the salutations or the rallying call. */
function collectClosing(outline: Outline, out: Draft[]): void {
  const refs = outline.closingRefs ?? [];
  const last = outline.closing.length - 1;
  outline.closing.forEach((paragraph, p) => {
    const ref = refs[p];
    if (!ref || (p === last && /[！!]$/.test(paragraph.trim()))) return;
    out.push(...splitParagraph(paragraph, ref, `c-${CLOSING_SECTION_ID}-p${p + 1}`, { sectionId: CLOSING_SECTION_ID, sectionPath: [CLOSING_TITLE] }));
  });
}

function finish(drafts: Draft[]): Commitment[] {
  return drafts.map(({ indicator, ...draft }, i) => {
    const kind = classifyCommitment(draft.text, indicator ? { indicator } : {});
    // An indicator of the targets paragraph counts every figure ("固定资产投资完成194亿元" too).
    const metrics = indicator ? extractMetrics(draft.text) : kind === 'target' ? goalMetrics(draft.text) : [];
    return { ...draft, ordinal: i + 1, kind, ...(metrics.length > 0 ? { metrics } : {}) };
  });
}

/**
 * Every promise in the plans part. A plans section with sub-sections contributes through them
 * and through its requirements and targets paragraphs; a leaf contributes its enumerated items
 * and the promises of its other paragraphs, or itself as one item; when the report ends with
 * its plans part, the closing after it contributes too.
 */
export function extractCommitments(outline: Outline, roles: Record<string, SectionRole>): Commitment[] {
  const out: Draft[] = [];
  const walk = (section: OutlineSection, path: string[]) => {
    const here = [...path, section.title];
    if (section.children.length > 0) {
      if (roles[section.id] === 'plans') collectIntro(section, here, out);
      for (const child of section.children) walk(child, here);
    } else if (roles[section.id] === 'plans') collectLeaf(section, here, out);
  };
  for (const section of outline.sections) walk(section, []);
  const lastTop = outline.sections.at(-1);
  if (lastTop && roles[lastTop.id] === 'plans') collectClosing(outline, out);
  return finish(out);
}
