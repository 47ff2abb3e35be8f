// What a shared term is worth, on real reports: a bigram read across two words weighs less than
// its rarity alone says, and a suggestion needs a least shared weight however short the promise.
// Term statistics over the reports of the labelled pairs (tests/fixtures/promise-truth).
import { describe, expect, it } from 'vitest';
import { loadCorpusReport } from '../../../bench/corpus-archive.ts';
import { loadPromiseTruth } from '../../../bench/promise-quality.ts';
import { collectEvidenceCandidates } from '../../../src/lib/compare/evidence-candidates.ts';
import { indexCandidates, minSharedWeight, rankEvidence, termWeight, DEFAULT_THRESHOLD } from '../../../src/lib/compare/evidence-rank.ts';
import { countArchiveTerms } from '../../../src/lib/compare/follow-up-suggest.ts';
import { inverseFrequency, wordLikeness, type TermStats } from '../../../src/lib/compare/term-stats.ts';

const reports = loadPromiseTruth().flatMap((pair) => [loadCorpusReport(pair.corpus, pair.from), loadCorpusReport(pair.corpus, pair.to)]);
const stats = countArchiveTerms(reports, (r) => collectEvidenceCandidates(r));
const national2022 = collectEvidenceCandidates(reports.find((r) => r.file === 'gov-work-reports/2022')!);
const index = indexCandidates(national2022, stats);
/** The same counts without the characters' frequencies: every term weighs its IDF. */
const plainStats: TermStats = { ...stats, characters: new Uint32Array(0x10000), weights: new Map() };

describe('wordLikeness', () => {
  it('keeps the whole weight of words, common characters or not', () => {
    for (const word of ['粮食', '减税', '航线', '主权', '开展']) expect([word, wordLikeness(stats, word)]).toEqual([word, 1]);
  });

  it('lowers bigrams read across two words, down to the floor for the clearest', () => {
    // 推进|农业, 集体|经济 (实体|经济), 保障|农资
    for (const crossing of ['进农', '体经', '障农']) expect(wordLikeness(stats, crossing)).toBeLessThan(0.6);
    // 出行|环境, 进行|环境
    expect(wordLikeness(stats, '行环')).toBe(0.3);
    expect(termWeight(stats, '行环')).toBeCloseTo(0.3 * inverseFrequency(stats, '行环'), 10);
  });

  it('leaves numbers and names alone', () => {
    expect(wordLikeness(stats, '#1100万人')).toBe(1);
    expect(wordLikeness(stats, '“沪港通')).toBe(1);
  });
});

describe('ranking national 2021 promises against the 2022 review', () => {
  const scoreOf = (promise: string, sentence: string, s: TermStats) => {
    const ranked = rankEvidence(promise, indexCandidates(national2022, s), s, { threshold: 0, k: 50 });
    return ranked.find((r) => r.candidate.text === sentence)?.score ?? 0;
  };

  it('no longer lets a cross-word bigram make a sentence about another subject look like an answer', () => {
    // 农村集体经济 and 实体经济 share the words 经济 and the crossing 体经.
    const promise = '发展新型农村集体经济。';
    const other = '数字技术与实体经济加速融合。';
    expect(scoreOf(promise, other, stats)).toBeLessThan(scoreOf(promise, other, plainStats));
  });

  it('suggests nothing when the best sentence shares only common words, though it scores above the threshold', () => {
    const promise = '开展粮食节约行动。';
    const [best] = rankEvidence(promise, index, stats, { threshold: 0 });
    expect(best!.candidate.text).toBe('开展重点产业强链补链行动。');
    expect(best!.score).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(rankEvidence(promise, index, stats)).toEqual([]);
    expect(rankEvidence(promise, index, stats, { minShared: 0 })).toHaveLength(3);
  });

  it('still suggests short answers that share a few rare words', () => {
    // National 2021 promises and their answers in the labelled truth.
    for (const [promise, answer] of [
      ['强化审计监督。', '发挥审计监督作用。'],
      ['启动农村人居环境整治提升五年行动。', '实施农村人居环境整治提升五年行动。'],
      ['扎实开展党史学习教育。', '开展党史学习教育。'],
    ]) expect([promise, rankEvidence(promise!, index, stats)[0]?.candidate.text]).toEqual([promise, answer]);
    // 0.95 of what a term found in no text weighs: ln(1 + (N + 0.5) / 0.5).
    expect(minSharedWeight(stats)).toBeCloseTo(0.95 * Math.log(2 * stats.documents + 2), 6);
  });
});
