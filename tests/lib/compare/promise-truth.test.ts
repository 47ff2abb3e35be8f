// The hand-labelled truth of tests/fixtures/promise-truth (see its README) and a few of its cases
// of each kind, fixed: what bench/promise-quality.ts measures in bulk.
import { describe, expect, it } from 'vitest';
import { loadCorpusReport } from '../../../bench/corpus-archive.ts';
import { isRightEvidence, loadPromiseTruth, measurePromises, normalizeForMatch } from '../../../bench/promise-quality.ts';
import { resolveFollowUps } from '../../../src/lib/compare/follow-up.ts';
import { collectEvidenceCandidates } from '../../../src/lib/compare/evidence-candidates.ts';
import { flattenOutline } from '../../../src/lib/structure/outline.ts';

const truth = loadPromiseTruth();
const reports = truth.flatMap((pair) => [loadCorpusReport(pair.corpus, pair.from), loadCorpusReport(pair.corpus, pair.to)]);
const report = (corpus: string, year: number) => reports.find((r) => r.file === `${corpus}/${year}`)!;
const HELD_OUT = ['gov-work-reports/2023', 'gov-work-reports/2024', 'gov-work-reports/2025', 'hailar-district-gov-work-reports/2016', 'hailar-district-gov-work-reports/2017', 'hailar-district-gov-work-reports/2018'];

/** The text of the sections of a report with one of the roles (and its closing, for plans). */
function partText(corpus: string, year: number, roles: string[]): string {
  const r = report(corpus, year);
  const roleOf = new Map<string, string>();
  const walk = (s: { id: string; role: string; children: typeof r.analysis.sections }) => { roleOf.set(s.id, s.role); s.children.forEach(walk); };
  r.analysis.sections.forEach(walk);
  const bodies = flattenOutline(r.outline).filter((s) => roles.includes(roleOf.get(s.id)!)).flatMap((s) => [s.title, ...s.body]);
  return [...bodies, ...(roles.includes('plans') ? r.outline.closing : [])].join('\n');
}

describe('the labelled truth', () => {
  it('has at least 150 promises over at least four pairs, national and district, none of them held out', () => {
    expect(truth.length).toBeGreaterThanOrEqual(4);
    expect(truth.reduce((n, pair) => n + pair.promises.length, 0)).toBeGreaterThanOrEqual(150);
    expect(new Set(truth.map((pair) => pair.corpus))).toEqual(new Set(['gov-work-reports', 'hailar-district-gov-work-reports']));
    for (const pair of truth) {
      expect(pair.to).toBe(pair.from + 1);
      expect(HELD_OUT).not.toContain(`${pair.corpus}/${pair.to}`);
      // Promises the next year says nothing about are part of it.
      expect(pair.promises.some((p) => p.evidence.length === 0) && pair.promises.some((p) => p.evidence.length > 0)).toBe(true);
    }
  });

  it('quotes each promise from the plans part of its year and each answer from the review or problems part of the next', () => {
    for (const pair of truth) {
      const plans = partText(pair.corpus, pair.from, ['plans']);
      const review = partText(pair.corpus, pair.to, ['review', 'problems']);
      for (const promise of pair.promises) {
        expect([pair.pair, promise.id, plans.includes(promise.text)]).toEqual([pair.pair, promise.id, true]);
        expect(['target', 'task', 'general']).toContain(promise.kind);
        expect(promise.reason.length).toBeGreaterThan(3);
        for (const sentence of promise.evidence) expect([pair.pair, promise.id, review.includes(sentence)]).toEqual([pair.pair, promise.id, true]);
      }
    }
  });

  it('has unique ids per pair', () => {
    for (const pair of truth) expect(new Set(pair.promises.map((p) => p.id)).size).toBe(pair.promises.length);
  });
});

describe('fixed cases of each kind', () => {
  const { followUps } = resolveFollowUps(reports);
  const results = measurePromises(reports, followUps, truth);
  const result = (pair: string, id: string) => results.find((r) => r.pair === pair && r.promise.id === id)!;

  it('target with an answer: 海拉尔 2012 地区生产总值达到240亿元，同比增长21% → 235.2亿元, 18.5%, first, 未达成', () => {
    const r = result('hailar-2012-2013', 'P6a');
    expect(r.commitment?.text).toBe('地区生产总值达到240亿元，同比增长21%');
    expect(r.rank).toBe(1);
    expect(r.shown[0]).toMatchObject({ verdict: '未达成', text: expect.stringContaining('全年地区生产总值完成235.2亿元') });
  });

  it('target without one: national 2021 中央本级支出…一般性转移支付增长7.8% gets no suggestion', () => {
    expect(result('national-2021-2022', 'P18').shown).toEqual([]);
  });

  it('task with an answer: 海拉尔 2012 继续办好第八届中俄蒙经贸洽谈… → 成功举办了第八届中俄蒙经贸洽谈会, first', () => {
    const r = result('hailar-2012-2013', 'P29');
    expect(r.rank).toBe(1);
    expect(isRightEvidence(r.shown[0]!.text, ['成功举办了第八届中俄蒙经贸洽谈会。'])).toBe(true);
  });

  it('task without one: 海拉尔 2012 非公经济园, national 2021 粮食节约行动 get no suggestion', () => {
    expect(result('hailar-2012-2013', 'P17').shown).toEqual([]);
    // Its best sentence ("开展重点产业强链补链行动。") shares only 开展 and 行动: too little weight.
    expect(result('national-2021-2022', 'P159').shown).toEqual([]);
  });

  it('general with an answer: national 2014 建机制、补短板、兜底线 → 保基本、兜底线、建机制, first', () => {
    expect(result('national-2014-2015', 'Q4').rank).toBe(1);
  });

  it('general without one: national 2021 千方百计使亿万农民多增收、有奔头 gets no suggestion', () => {
    const r = result('national-2021-2022', 'P172');
    expect(normalizeForMatch(r.commitment!.text)).toContain(normalizeForMatch(r.promise.text));
    expect(r.shown).toEqual([]);
  });

  it('general, the overall requirement: the next year’s overall verdict on the year comes first', () => {
    for (const [pair, id, verdict] of [
      ['hailar-2014-2015', 'P3', '较好地完成了年初确定的各项目标任务'],
      ['national-2014-2015', 'P7', '完成了全年经济社会发展主要目标任务'],
      ['national-2021-2022', 'P2', '全年主要目标任务较好完成'],
    ] as const) {
      const r = result(pair, id);
      expect([pair, id, r.rank]).toEqual([pair, id, 1]);
      expect(r.shown[0]!.text).toContain(verdict);
    }
  });

  it('task, a long promise: national 2014 积极参与国际多边事务… (77 characters) → 积极参与多边机制建立和国际规则制定, first', () => {
    const r = result('national-2014-2015', 'R56');
    expect(r.rank).toBe(1);
    expect(r.shown[0]!.text).toBe('积极参与多边机制建立和国际规则制定。');
  });

  it('task: 海拉尔 2014 完成龙腾果蔬批发市场项目建设… → 万家惠农贸市场项目主体完工, first', () => {
    expect(result('hailar-2014-2015', 'P41').rank).toBe(1);
  });

  it('target: 海拉尔 2014 年内新增商业营业面积15万平方米 → 全年新增商业面积10万平方米, first', () => {
    const r = result('hailar-2014-2015', 'P25');
    expect(r.rank).toBe(1);
    expect(r.shown[0]!.text).toContain('全年新增商业面积10万平方米');
  });

  it('task without one: 海拉尔 2014 谢尔塔拉墓地、哈克遗址文物保护 gets no suggestion', () => {
    expect(result('hailar-2014-2015', 'P102').shown).toEqual([]);
  });

  it('task without one: 海拉尔 2012 物业管理, 海拉尔 2014 传统商贸业提档升级 get no suggestion from a paragraph’s topic lead', () => {
    // Their best sentences were "城市宜居水平显著提升。" and "现代服务业发展迅速。": each opens a review paragraph
    // whose next sentences say what was done, a heading in all but form.
    expect(result('hailar-2012-2013', 'P62').shown).toEqual([]);
    expect(result('hailar-2014-2015', 'P15-3').shown).toEqual([]);
    const leads = collectEvidenceCandidates(report('hailar-district-gov-work-reports', 2013)).filter((c) => c.opensParagraph);
    expect(leads.map((c) => c.text)).toContain('城市宜居水平显著提升。');
  });

  it('reads the problems paragraph of a review as its problems part, without its closing resolve', () => {
    const candidates = collectEvidenceCandidates(report('gov-work-reports', 2022));
    expect(candidates.find((c) => c.text === '一些领域腐败问题依然多发。')?.role).toBe('problems');
    expect(candidates.find((c) => c.text.startsWith('去年新增减税降费超过1万亿元'))?.role).toBe('review');
    expect(candidates.some((c) => c.text.includes('决不辜负'))).toBe(false);
  });
});
