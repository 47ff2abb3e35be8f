// Counts and amounts in report text ("党课宣讲4次", "80万元", "增长6%-6.5%"), each with the
// phrase that says what was counted. Dates, years, ordinals and names are not metrics.

import { toHalfWidthDigits, type Outline, type OutlineSection } from './outline.ts';
import type { SectionRole } from './section-roles.ts';
import { readMetricPeriod, type MetricPeriod } from './metric-period.ts';

export interface Metric {
  /** What was counted: "党组理论学习中心组学习", "捐赠各类物资价值". */
  label: string;
  /** In the written unit: "80万元" → 80 (unit 万元); a bare magnitude is folded in: "4.8万" → 48000. */
  value: number;
  /** Upper end of a range: "6%-6.5%", "3至5个". */
  valueMax?: number;
  /** As written, magnitude included: "次", "万元", "%", "个百分点"; "" for a bare "4.8万". */
  unit: string;
  /** 以上, 左右, 余, 多, 约, 近, 超过, 达… */
  qualifier?: string;
  /** The matched text, qualifiers included: "100余株", "达4.8万". */
  raw: string;
  /** The whole sentence the metric is in. */
  sentence: string;
  /** Offset of raw in the input text. */
  index: number;
  /** Absent for the year's own figure; a total over several years, or the start of a "从…到…" span. */
  period?: MetricPeriod;
}

export interface ReportMetric extends Metric {
  /** Section holding the metric; null in the preamble or closing. */
  sectionId: string | null;
  role: SectionRole;
}

// Longest first, so "个百分点" wins over "个" and "人次" over "人".
const UNITS = [
  '个百分点', '百分点', '千瓦时', '吨公里', '人公里', '平方公里', '平方公尺', '立方公尺', '平方米', '立方米', '公尺', '标准箱', '人次', '美元', '公里', '千米', '公斤',
  '千克', '千瓦', '马力', '公顷', '%', '‰', '元', '吨', '斤', '担', '米', '亩', '倍', '人', '名', '次', '个', '家', '户', '台',
  '套', '盏', '株', '棵', '篇', '项', '场', '期', '所', '座', '条', '件', '处', '辆', '架', '艘', '册', '份', '批',
  '支', '头', '匹', '张', '块', '栋', '幢', '间', '床', '门',
];
const MAGNITUDE = /^(万亿|千万|百万|亿|万|千)/;
const INNER_QUALIFIER = /^(余|多)/;
const AFTER_QUALIFIER = /^(以上|左右|以内|以下|上下|多|余)/;
const PREFIX_QUALIFIER = /(超过|不少于|不低于|不超过|达到|接近|将近|突破|高达|约|近|超|逾|达)$/;
const RANGE_SEPARATOR = /^[-－—–～~至到]/;
/** How far past a number its magnitude, qualifier, unit or range can be: a few characters. */
const LOOKAHEAD = 24;
/** How far a label or noun is looked for around a number. */
const LABEL_REACH = 200;
/** How far a sentence end is looked for; beyond it a run-on "sentence" is cut. */
const SENTENCE_REACH = 400;
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MAGNITUDE_VALUE: Record<string, number> = { 千: 1e3, 万: 1e4, 百万: 1e6, 千万: 1e7, 亿: 1e8, 万亿: 1e12 };
const NUMBER = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+(?:[点點][零〇一二三四五六七八九]+)?/g;

/** Value of a Chinese numeral ("三百" → 300, "六百二十四万八千" → 6248000, "十一点五" → 11.5); null if malformed. */
export function parseChineseNumber(text: string): number | null {
  const [whole = '', decimals] = text.split(/[点點]/);
  let result = 0; // groups of 亿
  let wan = 0; // the group of 万
  let section = 0; // below 万
  let digit: number | null = null;
  let seen = false;
  for (const ch of whole) {
    if (ch in CN_DIGITS) {
      if (digit !== null && digit !== 0) return null; // "一九五八": digits read one by one, a year
      digit = CN_DIGITS[ch]!;
    } else if (ch in CN_POWERS) {
      section += (digit ?? (section === 0 && !seen ? 1 : NaN)) * CN_POWERS[ch]!;
      digit = null;
    } else {
      const group = section + (digit ?? 0);
      if (group === 0 && wan === 0 && result === 0) return null; // "万众", "亿万"
      if (ch === '万') wan = group * 1e4;
      else result = (result + wan + group) * 1e8;
      if (ch === '亿') wan = 0;
      section = 0;
      digit = null;
    }
    if (Number.isNaN(section)) return null;
    seen = true;
  }
  const total = result + wan + section + (digit ?? 0);
  if (whole === '') return null;
  if (decimals === undefined) return total;
  return Number(`${total}.${[...decimals].map((d) => CN_DIGITS[d]).join('')}`);
}

interface NumberToken {
  value: number;
  chinese: boolean;
  magnitude: string;
  inner: string;
  unit: string;
  after: string;
  end: number;
}

/** Reads "80万元", "100余株", "4.8万", "十余家" starting at a number match. */
function readNumber(norm: string, match: RegExpExecArray | { 0: string; index: number }): NumberToken | null {
  const digits = match[0];
  const chinese = !/\d/.test(digits);
  // "三千五百万吨" keeps its magnitude in the unit (3500 万吨), like "3500万吨";
  // "六百二十四万八千吨" has it inside the number (6248000 吨).
  const trailing = chinese ? /(万亿|亿|万)$/.exec(digits) : null;
  const head = trailing ? digits.slice(0, -trailing[0].length) : digits;
  const splitMagnitude = trailing !== null && head !== '' && !/[万亿]/.test(head);
  let base = chinese ? parseChineseNumber(splitMagnitude ? head : digits) : Number(digits.replaceAll(',', ''));
  if (base === null) return null;
  let pos = match.index + digits.length;
  const take = (re: RegExp): string => {
    const m = re.exec(norm.slice(pos, pos + LOOKAHEAD));
    if (!m) return '';
    pos += m[0].length;
    return m[0];
  };
  let inner = take(INNER_QUALIFIER);
  let magnitude = splitMagnitude ? trailing![0] : take(MAGNITUDE);
  if (chinese && !splitMagnitude && /[万亿]/.test(digits) && magnitude) {
    // "五亿二千多万件": the magnitude after 多 still belongs to the number.
    base = parseChineseNumber(digits + magnitude) ?? base;
    magnitude = '';
  }
  inner ||= take(INNER_QUALIFIER);
  // "1亿3千多万": the rest of the number, in 万, after the 亿.
  const tail = magnitude === '亿' && !chinese ? /^(\d+)([千百]?)(多|余)?万/.exec(norm.slice(pos, pos + LOOKAHEAD)) : null;
  if (tail) {
    base += (Number(tail[1]) * ({ 千: 1000, 百: 100 }[tail[2]!] ?? 1)) / 1e4;
    inner ||= tail[3] ?? '';
    pos += tail[0].length;
  }
  let unit = UNITS.find((u) => norm.startsWith(u, pos)) ?? '';
  if (unit === '人' && norm[pos + 1] === '口') unit = ''; // "13亿人口": a population, counted by the noun
  pos += unit.length;
  const after = unit ? take(AFTER_QUALIFIER) : '';
  return { value: base, chinese, magnitude, inner, unit, after, end: pos };
}

function insideQuotes(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  return [['“', '”'], ['《', '》'], ['「', '」'], ['‘', '’']].some(
    ([open, close]) => before.lastIndexOf(open!) > before.lastIndexOf(close!),
  );
}

const CLAUSE_END = /^(?:$|[，,。；;、）)！？!?：:\s])/;
// A percent sign that names a survey ("1%人口抽样调查") is not a measurement.
const PERCENT_IN_NAME = /^(?:人口)?抽样/;

/** Rejects numbers that are not counts: years and dates (no unit), ordinals, codes, names, idioms. */
function isMetric(norm: string, start: number, token: NumberToken): boolean {
  const prev = norm[start - 1] ?? '';
  const rest = norm.slice(token.end, token.end + LOOKAHEAD);
  if (!token.unit && !token.magnitude) return false;
  if (/^0\d/.test(norm.slice(start, start + 2))) return false; // "000": a fragment of a grouped number
  if (/[A-Za-z0-9.第〔\[]/.test(prev)) return false;
  if (token.chinese && /[几数若上成千万百十]/.test(prev)) return false;
  if (insideQuotes(norm, start)) return false;
  if (/^[月年天级]|^多月/.test(rest) || /^\d/.test(rest)) return false; // 3个月, 100亿级, 3个100亿
  if (token.unit === '%' && PERCENT_IN_NAME.test(rest)) return false;
  if (token.chinese && token.unit === '期') return false; // "二期工程": a phase, not a count
  // Idioms use small numbers ("两个确立", "四个方面"); "四百二十七亿四千万元" is a count.
  if (token.chinese && !token.magnitude && token.unit !== '%' && token.value < 100) {
    if (token.value <= 1) return false; // 一个, 一次, 一批: an article, not a count
    // Small Chinese numerals are counts only as a tally at the end of a clause: "空调两台，".
    const qualified = token.inner || /[约近余多]$/.test(norm.slice(Math.max(0, start - 1), start));
    if (!qualified && !CLAUSE_END.test(rest)) return false;
  }
  return true;
}

/**
 * The sentence around `index`, looked for within SENTENCE_REACH characters each way so that a text
 * without full stops (one huge line) costs linear time, not quadratic; such a "sentence" is cut there.
 */
function sentenceAround(text: string, index: number): string {
  const floor = Math.max(0, index - SENTENCE_REACH);
  const before = text.slice(floor, index);
  const after = text.slice(index, index + SENTENCE_REACH);
  const stops = ['。', '！', '？', '!', '?', '\n'];
  const start = floor + Math.max(-1, ...stops.map((p) => before.lastIndexOf(p))) + 1;
  const ends = stops.map((p) => after.indexOf(p)).filter((i) => i >= 0);
  const end = index + (ends.length ? Math.min(...ends) + 1 : after.length);
  return text.slice(start, end).trim();
}

/** Where the sentence around `index` starts (as sentenceAround cuts it). */
function sentenceStart(text: string, index: number): number {
  const floor = Math.max(0, index - SENTENCE_REACH);
  const before = text.slice(floor, index);
  return floor + Math.max(-1, ...['。', '！', '？', '!', '?', '\n'].map((p) => before.lastIndexOf(p))) + 1;
}

/** All counts and amounts in a text, in order of appearance. */
export function extractMetrics(text: string): Metric[] {
  // Old reports group digits with a full-width comma: "２，３００万人", "2，000万马力".
  const norm = toHalfWidthDigits(text.replace(/(?<=[0-9０-９])，(?=[0-9０-９]{3}(?![0-9０-９]))/g, ','));
  const metrics: Metric[] = [];
  let previousEnd = 0;
  let previousLabel = '';
  let previousNoun = '';
  for (const match of norm.matchAll(NUMBER)) {
    if (match.index < previousEnd) continue;
    const first = readNumber(norm, match);
    if (!first) continue;
    let token = first;
    let valueMax: number | undefined;
    // "增长百分之四十": the percent sign is written before the number.
    const percentWord = first.chinese && norm.endsWith('百分之', match.index) ? '百分之' : '';
    if (percentWord) {
      const after = /^(以上|左右|以内|以下|上下)/.exec(norm.slice(first.end, first.end + LOOKAHEAD))?.[0] ?? '';
      token = { ...first, magnitude: '', unit: '%', after, end: first.end + after.length };
    }
    // A range: "6%-6.5%", "3至5个"; the unit may be written only once, at the end.
    const sep = percentWord ? null : RANGE_SEPARATOR.exec(norm.slice(first.end, first.end + LOOKAHEAD));
    const second = sep ? new RegExp(NUMBER.source, 'y') : null;
    if (sep && second) {
      second.lastIndex = first.end + sep[0].length;
      const m = second.exec(norm);
      const upper = m ? readNumber(norm, m) : null;
      const sameUnit = upper?.unit && (!first.unit || first.unit === upper.unit);
      const sameMagnitude = !first.magnitude || first.magnitude === upper?.magnitude;
      if (upper && sameUnit && sameMagnitude) {
        token = { ...upper, value: first.value, chinese: first.chinese && upper.chinese };
        valueMax = upper.value;
      }
    }
    if (!isMetric(norm, match.index, token)) continue;
    const start = match.index - percentWord.length;
    const prefix = PREFIX_QUALIFIER.exec(norm.slice(Math.max(0, start - 3), start))?.[1] ?? '';
    const index = start - prefix.length;
    const folded = token.unit === '' ? MAGNITUDE_VALUE[token.magnitude]! : 1;
    // Labels carry over between metrics of one clause group, not across "；".
    const sameSentence = sentenceAround(text, index) === sentenceAround(text, previousEnd) && !/[；;]/.test(text.slice(previousEnd, index));
    let label = labelBefore(text, index, sameSentence ? previousEnd : 0);
    // A noun right after the unit is what was counted: "提交39件法律议案", "实施16个国家重大科技专项".
    const { noun, end: nounEnd } = nounAfter(text, token.end);
    if (noun && label.endsWith('价值')) label = label.slice(0, -2) + noun + '价值';
    else if (noun) label = token.unit === '' && !isWeakLabel(label) ? noun : label + noun;
    // "国内生产总值达到82万亿元，比上年增长6.9%": the comparison is about the previous label.
    // "投资1100万元新建污水管线2847米": the previous metric's noun is what this one measures.
    if (label === '' && sameSentence && previousNoun) label = previousNoun;
    // "分别增长6.9%和7.1%": a value listed right after another shares its label.
    const listed = label === '' && [...text.slice(previousEnd, index)].length <= 2;
    if (sameSentence && previousLabel && (listed || COMPARATIVE.test(label))) label = previousLabel + label;
    if (label === '') continue;
    const metric: Metric = {
      label,
      value: round(token.value * folded),
      unit: token.unit === '' ? '' : token.magnitude + token.unit,
      raw: text.slice(index, token.end),
      sentence: sentenceAround(text, index),
      index,
    };
    if (valueMax !== undefined) metric.valueMax = round(valueMax * folded);
    const qualifier = token.inner || token.after || prefix;
    if (qualifier) metric.qualifier = qualifier;
    const period = readMetricPeriod(norm, sentenceStart(text, index), index, token.end);
    if (period) metric.period = period;
    metrics.push(metric);
    previousEnd = nounEnd; // the noun belongs to this metric, not to the next one's label
    previousLabel = label;
    previousNoun = noun;
  }
  return metrics;
}

// ---- Labels: the phrase before the number that says what was counted ----

const CLAUSE_BREAK = /[，,。；;：:！？!?（()）\n]/g;
// "共开展", "累计完成", "共有": the label starts after them. A bare 共 must be followed by a
// verb, so 公共服务 and 共产党 are left alone.
const TALLY_WORD = /累计|共计|合计|总计|共有|(?<!公)共(?!产|同|享|建|识|青|和|谋|处|存|赢|性|鸣|治|担|商|富|生|进|荣|筑|创)/g;
const LEADING_NOISE = new RegExp(
  '^(?:[、的就\\s]|[一二三四五六七八九十]+是|其中|同时|此外|另外|并且|并|和|及|而|今年以来|今年|全年|去年|当年|年初|年底|' +
    '年内|截至目前|截止目前|截至|截止|目前|[0-9０-９]{4}年(?:以来|底|初|末)?|[〇○零一二三四五六七八九]{4}年(?:以来|底|初|末)?|我们|已经|已|先后|分别|' +
    '组织开展|组织|开展|召开|举办|进行)',
);
const TRAILING_NOISE = /(?:达到|达|为|约|近|超过|超|逾|共计|合计|总计|累计|共|计|有|是|已|拟按|按|控制在|在|至|到|了|的|将|收到|完成|拟定|预计|就|即|[、，,\s]|[0-9０-９]{4}年|(?:由|从)(?:[0-9０-９]{4}年|[〇○零一二三四五六七八九]{4}年|上年|去年|每人每年|每人每月)?)$/;
const COMPARATIVE = /^(?:比|同比|较|是|增长|增加|提高|下降|减少|降低|上升|分别)/;
// Verbs kept when "A、B、C等" is cut out: "捐赠橡皮艇、救生衣…等各类物资" → "捐赠各类物资".
const LEADING_VERB = /^(?:捐赠|发放|购置|购买|采购|新建|建设|改造|组织|开展|举办|引导|慰问|培训|投入|筹集|安排|支持|扶持|帮助|完成|实施|引进|建成)/;
const LIST_WITH_DENG = /[^、，,。；]{1,15}(?:、[^、，,。；]{1,15})+等/;
// A label ending like this needs the noun that follows the number: "培养发展1名入党积极分子".
const WEAK_ENDING = /(?:发展|新建|建成|建设|完成|投入|培训|改造|发放|引进|安置|帮助|救助|资助|召开|举办|开展|组织|吸纳|带动|解决|签约|接待|慰问|走访|化解|争取|筹集|实施|创建|打造|整治|查处|办理|受理|培育|扶持|价值|投资)$/;

function cleanLabel(text: string): string {
  let label = text.trim();
  const tallies = [...label.matchAll(TALLY_WORD)];
  const lastTally = tallies[tallies.length - 1];
  // "实际利用外商直接投资累计达到": if nothing follows the tally word, what precedes it is the label.
  const afterTally = lastTally ? label.slice(lastTally.index + lastTally[0].length) : '';
  if (lastTally) label = afterTally.replace(TRAILING_NOISE, '') !== '' ? afterTally : label.slice(0, lastTally.index);
  const list = LIST_WITH_DENG.exec(label);
  if (list) {
    const verb = LEADING_VERB.exec(list[0])?.[0] ?? '';
    label = label.slice(0, list.index) + verb + label.slice(list.index + list[0].length);
  }
  for (let before = ''; before !== label;) {
    before = label;
    label = label.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '').trim();
  }
  return label;
}

/** The label of a number at `index`: the clause before it, from `floor` (the previous metric) on. */
function labelBefore(text: string, index: number, floor: number): string {
  // Only the last two clauses matter; reading a bounded window keeps huge lines linear.
  const windowStart = Math.max(0, index - LABEL_REACH);
  const breaks = [...text.slice(windowStart, index).matchAll(CLAUSE_BREAK)].map((m) => ({ index: m.index + windowStart }));
  const start = Math.max(floor, windowStart, (breaks[breaks.length - 1]?.index ?? -1) + 1);
  const clause = text.slice(start, index).trim();
  // "A、B、C等10余家社科直属学会": what was counted comes after the number.
  if (clause.endsWith('等')) return '';
  const label = cleanLabel(clause);
  // "研究与试验发展经费，从2002年1288亿元…": the subject is in the clause before.
  const previousBreak = breaks[breaks.length - 2]?.index ?? -1;
  const breakAt = breaks[breaks.length - 1]?.index ?? -1;
  if (label !== '' || breakAt < 0 || previousBreak + 1 < floor || !/[，,]/.test(text[breakAt]!)) return label;
  return cleanLabel(text.slice(previousBreak + 1, breakAt));
}

/** The noun after a number: "1名入党积极分子。" → "入党积极分子"; "5000余元的米面粮油等慰问品" → "慰问品". */
function nounAfter(text: string, end: number): { noun: string; end: number } {
  const tail = toHalfWidthDigits(text.slice(end, end + LABEL_REACH));
  const lead = tail.startsWith('的') ? 1 : 0;
  const rest = tail.slice(lead);
  const stop = rest.search(/[，,。；;：:！？!?（()）、的\n\d]|[一二两三四五六七八九十]+[个项次名家]|百分之|[零〇一二两三四五六七八九十百千万亿]{2,}/);
  const phrase = stop < 0 ? rest : rest.slice(0, stop);
  // The noun ends where its verb begins: "3处生活垃圾转运站投入使用" → "生活垃圾转运站".
  const verb = phrase.slice(1).search(NOUN_ENDS_AT);
  const noun = (verb < 0 ? phrase : phrase.slice(0, verb + 1)).replace(/^.*等/, '').replace(/[和及]$/, '');
  if (noun === '' || [...noun].length > 16 || NOT_A_NOUN.test(noun) || /^[中里内外上下间前后之]$/.test(noun)) return { noun: '', end };
  return { noun, end: end + lead + phrase.length };
}

// "由8354万户增加到4.21亿": what follows the unit is a change, not the thing counted.
const NOT_A_NOUN = /^(?:上升|下降|增加|增长|提高|减少|降低|达到|扩大|增至|到|至|完成|提升|超过|以上|左右|之间|之内|比|同比|较|为|是|和|及|与)/;

const NOUN_ENDS_AT = /可以|是|为|将|要|能|已|都|也|就|得到|实现|进展|正式|投入|建成|投产|开工|竣工|启动|达到|增长|增加|提高|下降|降至|降到|升至/;

function isWeakLabel(label: string): boolean {
  return [...label].length <= 2 || WEAK_ENDING.test(label);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Metrics of a whole report, each tagged with its section and that section's role. */
export function extractReportMetrics(outline: Outline, roles: Record<string, SectionRole>): ReportMetric[] {
  const out: ReportMetric[] = [];
  const add = (texts: string[], section: OutlineSection | null) => {
    for (const text of texts) {
      for (const metric of extractMetrics(text)) {
        out.push({ ...metric, sectionId: section?.id ?? null, role: section ? roles[section.id] ?? 'other' : 'other' });
      }
    }
  };
  add(outline.preamble, null);
  const walk = (section: OutlineSection) => {
    add([section.title.slice(section.marker.length), ...section.body], section);
    section.children.forEach(walk);
  };
  outline.sections.forEach(walk);
  add(outline.closing, null);
  return out;
}
