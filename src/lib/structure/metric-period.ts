// Whether a figure is the year's own: "五年来…城镇新增就业4200万人" is a five-year total, and
// the 26.6万亿元 of "国内生产总值从26.6万亿元增加到51.9万亿元" is where a span started. Neither
// may stand for the year in a series or as the outcome of a yearly target.

/** Absent: the year's own figure. */
export type MetricPeriod = 'multi-year' | 'start';

// A span of years: "五年来", "过去五年", "以来的五年", "“十三五”时期", "三年来".
const MULTI_YEAR = /[二三四五六七八九十]年来|过去[二三四五六七八九十]年|这[二三四五六七八九十]年|[二三四五六七八九十]年间|以来的[二三四五六七八九十]年|十[一二三四五六七八九]?五[”"]?(?:期间|时期)|[0-9]{4}[—－-][0-9]{4}年/;
// "累计开通航线53条": a running total, for its own clause.
const RUNNING_TOTAL = /累计/;
// A paragraph opened by a span ("五年来，人民生活明显改善。…") speaks of it throughout…
const OPENS_WITH_SPAN = new RegExp(`^[^，。；]{0,16}(?:${MULTI_YEAR.source})`);
// …except in a sentence that names its own year ("今年城镇新增就业1200万人以上").
const OWN_YEAR = /今年|去年|全年|当年|本年|[0-9]{4}年(?!代)/;
const FROM = /(?:从|由)[^，。；、从由]{0,6}$/;
const TO = /^[^，。；,;]{0,10}?(?:到|至)/;

/**
 * The period of the figure at [index, end) in `text` (a paragraph), given where its sentence starts.
 * A figure after "从/由" and before "…到" starts a span; the figure after "到" is the level reached,
 * the year's own. Any other figure in a paragraph or sentence about several years is a span total.
 */
export function readMetricPeriod(text: string, sentenceStart: number, index: number, end: number): MetricPeriod | undefined {
  const before = text.slice(Math.max(sentenceStart, index - 12), index);
  if (FROM.test(before) && TO.test(text.slice(end, end + 16))) return 'start';
  if (/(?:到|至)$/.test(before) && /(?:从|由)/.test(text.slice(sentenceStart, index))) return undefined;
  const sentence = text.slice(sentenceStart, index);
  const clause = sentence.slice(Math.max(0, sentence.search(/[，,；;][^，,；;]*$/)));
  if (MULTI_YEAR.test(sentence) || RUNNING_TOTAL.test(clause)) return 'multi-year';
  if (OPENS_WITH_SPAN.test(text) && !OWN_YEAR.test(sentence)) return 'multi-year';
  return undefined;
}
