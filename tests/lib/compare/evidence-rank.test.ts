// The ranking's own rules on short synthetic texts: what a candidate keeps of its score, the
// threshold for a long promise, and the problems part of a review.
import { describe, expect, it } from 'vitest';
import { candidatePrior, DEFAULT_THRESHOLD, indexCandidates, lengthFactor, rankEvidence } from '../../../src/lib/compare/evidence-rank.ts';
import type { EvidenceCandidate } from '../../../src/lib/compare/evidence-candidates.ts';
import { countTerms } from '../../../src/lib/compare/term-stats.ts';

const candidate = (text: string, role: 'review' | 'problems' = 'review'): EvidenceCandidate =>
  ({ reportId: 'r', year: 2022, section: '1', anchor: 's-1', heading: '', role, text });

describe('candidatePrior', () => {
  it('keeps the whole score of a sentence that reports something', () => {
    expect(candidatePrior(candidate('去年新增减税降费超过1万亿元，还对制造业中小微企业实施阶段性缓缴税费。'))).toBe(1);
  });

  it('halves a paragraph’s topic lead and a generic opening or overall verdict', () => {
    expect(candidatePrior(candidate('二是优化和落实助企纾困政策，巩固经济恢复基础。'))).toBe(0.5);
    expect(candidatePrior(candidate('——生态文明建设持续推进。'))).toBe(0.5);
    expect(candidatePrior(candidate('一年来，面对复杂严峻的国内外形势，全年主要目标任务较好完成。'))).toBe(0.5);
    // A long 一是 sentence is not a lead: it reports.
    expect(candidatePrior(candidate('一是加大宏观调控力度，全年新增税费优惠超过2.2万亿元，增发1万亿元国债支持灾后恢复重建。'))).toBe(1);
  });

  it('halves an unmarked topic lead: a short sentence opening a paragraph that goes on', () => {
    const opening = (text: string): EvidenceCandidate => ({ ...candidate(text), opensParagraph: true });
    expect(candidatePrior(opening('加强就业和社会保障。'))).toBe(0.5);
    expect(candidatePrior(opening('城市宜居水平显著提升。'))).toBe(0.5);
    // The same sentence inside a paragraph, or alone in it, reports.
    expect(candidatePrior(candidate('城市宜居水平显著提升。'))).toBe(1);
    // An opening sentence with a clause or a figure after a comma reports too.
    expect(candidatePrior(opening('全年完成棚户区改造任务2619户，发放租赁补贴665万元。'))).toBe(1);
    expect(candidatePrior(opening('有效实施积极的财政政策和稳健的货币政策。'))).toBe(1);
  });

  it('prefers the review part to a problem that admits nothing, but not to an admission', () => {
    expect(candidatePrior(candidate('世界经济增长动能不足，地区热点问题频发。', 'problems'))).toBe(0.8);
    expect(candidatePrior(candidate('形式主义、官僚主义现象仍较突出。', 'problems'))).toBe(1);
    expect(candidatePrior(candidate('城镇新增就业未完成年初目标。', 'problems'))).toBe(1);
  });
});

describe('lengthFactor', () => {
  it('is 1 up to 47 characters and falls with the square root of the length past it', () => {
    expect(lengthFactor('推进农业机械化、智能化。')).toBe(1);
    expect(lengthFactor('字'.repeat(47))).toBe(1);
    expect(lengthFactor('字'.repeat(188))).toBeCloseTo(0.5, 5);
  });

  it('lowers the threshold a long promise’s best sentence must reach', () => {
    const candidates = [candidate('积极参与多边机制建立和国际规则制定。'), candidate('城镇新增就业1206万人。'), candidate('粮食产量1.37万亿斤。')];
    const short = '积极参与国际多边事务。';
    const long = '中国是一个负责任的大国，我们将积极参与国际多边事务，为解决全球性问题和热点问题发挥建设性作用，切实维护国际公平正义，推动国际秩序朝着更加公正合理的方向发展。';
    const stats = countTerms([short, long, ...candidates.map((c) => c.text)]);
    const index = indexCandidates(candidates, stats);
    const [best] = rankEvidence(long, index, stats, { threshold: 0 });
    expect(best!.candidate.text).toBe('积极参与多边机制建立和国际规则制定。');
    // Shown at a threshold just above its score once scaled for the promise's length, not at twice that.
    const threshold = best!.score / lengthFactor(long) - 0.001;
    expect(threshold).toBeGreaterThan(best!.score);
    // (No least shared weight here: in an archive of five sentences no term weighs much.)
    expect(rankEvidence(long, index, stats, { threshold, minShared: 0 })).toHaveLength(1);
    expect(rankEvidence(long, index, stats, { threshold: 2 * threshold, minShared: 0 })).toEqual([]);
    expect(DEFAULT_THRESHOLD).toBe(0.125);
  });
});

describe('rankEvidence without descriptions (the build: BUILD_MATCHING)', () => {
  it('ranks and scores as with them, leaving only the shared terms out', () => {
    const candidates = [
      candidate('全年新增减税降费超过1万亿元，制造业中小微企业阶段性缓缴税费。'),
      candidate('超长期特别国债支持“两重”建设和“两新”工作。'),
      candidate('城镇新增就业1256万人，调查失业率平均5.2%。'),
      candidate('一年来，全年主要目标任务较好完成。'),
    ];
    const stats = countTerms(candidates.map((c) => c.text));
    const index = indexCandidates(candidates, stats);
    for (const promise of ['发行超长期特别国债，支持“两重”建设。', '城镇新增就业1200万人以上。', '继续实施减税降费政策，对制造业中小微企业缓缴税费。']) {
      const described = rankEvidence(promise, index, stats, { threshold: 0 });
      const bare = rankEvidence(promise, index, stats, { threshold: 0, describe: false });
      expect(described.length, promise).toBeGreaterThan(0);
      expect(described.some((r) => r.terms.length > 0), promise).toBe(true);
      expect(bare).toEqual(described.map((r) => ({ ...r, terms: [] })));
    }
  });
});
