// What a later report could answer a promise with: each sentence of its review part (what was
// done) and of its problems part (an admission such as 未完成 or 仍较突出 answers too), as it
// stands in the text, with the section it sits in so a link can reach it.

import { toHeadingId } from '../structure/analyze.ts';
import { flattenOutline, type Outline } from '../structure/outline.ts';
import { splitSentences } from '../structure/promise-split.ts';
import type { ReportAnalysis } from '../structure/analyze.ts';
import { mapSectionRoles } from './compare.ts';

export interface EvidenceCandidate {
  reportId: string;
  year: number;
  /** Section id ("1.2") and the HTML id of its heading. */
  section: string;
  anchor: string;
  /** The section's title without its numbering marker. */
  heading: string;
  role: 'review' | 'problems';
  /** The whole sentence. */
  text: string;
  /** True when the sentence opens a paragraph that goes on after it (it may be the paragraph's topic lead). */
  opensParagraph?: boolean;
}

/** Sentences shorter than this ("经济实力明显增强。") head a paragraph; they stay candidates. */
const MIN_CANDIDATE_CHARS = 4;

// A sentence that only heads the next one is read with it: a short enumerated lead ("二是营商环境
//持续优化。") or a restated promise ("上年提出制定《…办法》，…。" followed by what became of it).
const SHORT_LEAD = /^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、])[^，,；;]{0,14}[。！]$/;
const RESTATED = /^(?:上年|去年|年初|原计划|原定)(?:提出|计划|确定|承诺)/;

// Thanks and credit ("向…表示诚挚感谢", "是…坚强领导的结果") and the resolve closing a problems
// paragraph ("我们一定直面问题和挑战，…决不辜负人民期待和重托！") report on no promise.
const NOT_EVIDENCE = /表示(?:诚挚|衷心)(?:的)?感谢|致以崇高的敬意|领导的结果|努力奋斗的结果|主要做了以下工作|决不辜负/;

const PROBLEMS_OPENING = /^[^。]{0,30}(?:清醒(?:地)?(?:看到|认识到)|(?:困难|问题)和(?:问题|不足|挑战)|存在(?:的)?(?:突出)?问题)/;

function joinHeads(sentences: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const next = sentences[i + 1];
    if (next !== undefined && (SHORT_LEAD.test(sentence) || RESTATED.test(sentence))) {
      out.push(sentence + next);
      i++;
    } else out.push(sentence);
  }
  return out;
}

/** The sentences of a report's review and problems sections, in document order. */
export function collectEvidenceCandidates(report: { id: string; year: number; analysis: ReportAnalysis; outline: Outline }): EvidenceCandidate[] {
  const roles = mapSectionRoles(report.analysis);
  const out: EvidenceCandidate[] = [];
  for (const section of flattenOutline(report.outline)) {
    const role = roles.get(section.id);
    if (role !== 'review' && role !== 'problems') continue;
    const heading = section.title.slice(section.marker.length).trim();
    const place = { reportId: report.id, year: report.year, section: section.id, anchor: toHeadingId(section.id), heading, role };
    for (const paragraph of section.body) {
      // The problems paragraph of a review ("在肯定成绩的同时，我们也清醒看到…") is its problems part.
      const own = role === 'review' && PROBLEMS_OPENING.test(paragraph) ? { ...place, role: 'problems' as const } : place;
      const sentences = joinHeads(splitSentences(paragraph).map((span) => paragraph.slice(span.start, span.end)));
      sentences.forEach((text, i) => {
        if ([...text].length < MIN_CANDIDATE_CHARS || NOT_EVIDENCE.test(text)) return;
        out.push(i === 0 && sentences.length > 1 ? { ...own, text, opensParagraph: true } : { ...own, text });
      });
    }
  }
  return out;
}
