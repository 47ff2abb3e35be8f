// A plans paragraph without 一是/二是 is often a bundle: a lead sentence ("稳定和扩大消费。")
// followed by separate tasks, each a sentence, some sentences a list of tasks separated by "；".
// These are the spans a reader would list as separate promises.

/** A stretch of a paragraph: [start, end) offsets, without surrounding whitespace. */
export interface Span {
  start: number;
  end: number;
}

// A sentence ends at 。！？ (and the closing quotes or brackets right after them).
const SENTENCE_END = /[。！？!?][”’」』）)]*/g;
/** Clauses shorter than this stay with their neighbour when a sentence is cut at "；". */
const MIN_CLAUSE_CHARS = 8;
/** Shorter pieces (a fragment "稳" left by a broken source paragraph) are not promises. */
const MIN_PROMISE_CHARS = 4;

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The sentences of a text, each with its final stop; a last piece without one is a sentence too. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < to; m = SENTENCE_END.exec(text)) {
    const end = Math.min(to, m.index + m[0].length);
    const span = trimSpan(text, start, end);
    if (span) spans.push(span);
    start = end;
  }
  const rest = trimSpan(text, start, to);
  if (rest) spans.push(rest);
  return spans;
}

const hanCount = (text: string) => (text.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []).length;

/** A sentence cut at "；" / ";" where both sides are clauses of their own ("启动…建设；大力推进…"). */
export function splitClauses(text: string, span: Span): Span[] {
  const cuts: number[] = [];
  for (let i = span.start; i < span.end - 1; i++) if (text[i] === '；' || text[i] === ';') cuts.push(i + 1);
  const spans: Span[] = [];
  let start = span.start;
  for (const cut of cuts) {
    if (hanCount(text.slice(start, cut)) >= MIN_CLAUSE_CHARS && hanCount(text.slice(cut, span.end)) >= MIN_CLAUSE_CHARS) {
      const piece = trimSpan(text, start, cut);
      if (piece) spans.push(piece);
      start = cut;
    }
  }
  const last = trimSpan(text, start, span.end);
  if (last) spans.push(last);
  return spans;
}

// Not promises: a salutation, an intro to a list ("要重点抓好以下十方面工作："), a look back
// ("过去一年，国防和军队建设取得新的重大成就"), the final rallying call ("让我们…奋斗！").
const SALUTATION = /^(?:各位代表|同志们|各位委员)[！!，,：:]?$/;
const LIST_INTRO = /[：:]$|(?:以下|如下)[^。]{0,14}(?:工作|方面|任务|事项|几点)[。！]?$/;
const LOOK_BACK = /^(?:过去一年|过去五年|过去的一年|去年|一年来|五年来|[0-9０-９]{4}年以来)/;
const RALLY = /^(?:同志们)|让我们|团结在以.{2,12}为核心的党中央周围/;

const WHOLE = /总体要求|指导思想/;

export function isPromiseText(text: string): boolean {
  const t = text.trim();
  return hanCount(t) >= MIN_PROMISE_CHARS && !SALUTATION.test(t) && !LIST_INTRO.test(t) && !LOOK_BACK.test(t) && !RALLY.test(t);
}

/** The promises of a paragraph (or of a part of it): its sentences, cut at "；" between clauses. */
export function splitPromises(text: string, from = 0, to = text.length): Span[] {
  return splitSentences(text, from, to)
    // The overall requirement is one statement, however many "；" it has.
    .flatMap((sentence) => (WHOLE.test(text.slice(sentence.start, sentence.end)) ? [sentence] : splitClauses(text, sentence)))
    .filter((span) => isPromiseText(text.slice(span.start, span.end)));
}
