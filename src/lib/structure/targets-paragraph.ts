// The main-targets paragraph of a plans part ("今年发展主要预期目标是：国内生产总值增长5%左右；
// 城镇新增就业1200万人以上，城镇调查失业率5.5%左右；…"): one indicator per commitment.

import type { Span } from './promise-split.ts';

// "主要预期目标是：", "经济社会发展的预期目标是：", "主要目标是：" — the colon opens the list.
const TARGETS_LEAD = /(?:预期目标|主要目标|发展目标|奋斗目标)(?:是|为)?[：:]/;
// A piece that goes on about the previous indicator rather than naming a new one:
// "地区生产总值增长11%，达到282亿元", "…，同比增长21%", "…，分别增长20%".
const CONTINUES = /^(?:同比|比上年|比去年|较上年|增长|增速|下降|降低|达到|达|完成|实现[0-9０-９]|控制在|提高到|增加到|增至|降至|分别|年均|其中|占)/;

export interface TargetsSplit {
  /** The targets list: from after the colon to the end of its sentence. */
  list: Span;
  /** One span per indicator, in order. */
  indicators: Span[];
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s，,、]/.test(text[start]!)) start++;
  while (end > start && /[\s，,；;。]/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The indicators of a clause: cut at "，" where the next piece names an indicator of its own. */
function splitIndicators(text: string, clause: Span): Span[] {
  const spans: Span[] = [];
  let start = clause.start;
  for (let i = clause.start; i < clause.end; i++) {
    if (text[i] !== '，' && text[i] !== ',') continue;
    const next = text.slice(i + 1, clause.end).trimStart();
    if (CONTINUES.test(next)) continue;
    const piece = trimmed(text, start, i);
    if (piece) spans.push(piece);
    start = i + 1;
  }
  const last = trimmed(text, start, clause.end);
  if (last) spans.push(last);
  return spans;
}

/** The targets list of a paragraph, split by indicator; null when the paragraph sets no targets list. */
export function splitTargets(text: string): TargetsSplit | null {
  const lead = TARGETS_LEAD.exec(text);
  if (!lead) return null;
  const from = lead.index + lead[0].length;
  const stop = text.slice(from).search(/[。！]/);
  const to = stop < 0 ? text.length : from + stop + 1;
  // Indicators are separated by "；" (";"), and within a clause by "，" when a new one is named.
  const pieces: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (text[i] === '；' || text[i] === ';') { pieces.push({ start, end: i }); start = i + 1; }
  }
  pieces.push({ start, end: to });
  const indicators = pieces.flatMap((piece) => splitIndicators(text, piece));
  if (indicators.length === 0) return null;
  return { list: { start: from, end: to }, indicators };
}
