import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusSeries, loadSampleArchive, measureSample, promiseText, SAMPLE_TRUTH } from '../../../bench/follow-up-quality.ts';
import { DEFAULT_THRESHOLD, resolveFollowUps, suggestFollowUps, type SeriesReport } from '../../../src/lib/compare/follow-up.ts';
import { collectEvidenceCandidates } from '../../../src/lib/compare/evidence-candidates.ts';
import { parseFrontmatter } from '../../../src/lib/frontmatter.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sample = loadSampleArchive();
const SKL = '明湖市社会科学界联合会';
const WL = '明湖市文化广电和旅游局';
const byId = (id: string) => sample.find((r) => r.id === id)!;
const later = (report: SeriesReport, from = sample) => from.filter((r) => r.unit === report.unit && r.year > report.year);
const skl2021 = byId(`2021/${SKL}-述职报告`);
const skl2022 = byId(`2022/${SKL}-述职报告`);
const commitment = (report: SeriesReport, id: string) => report.analysis.commitments.find((c) => c.id === id)!;

describe('collectEvidenceCandidates', () => {
  const candidates = collectEvidenceCandidates(skl2022);

  it('takes the sentences of review and problems sections only, each with its heading anchor', () => {
    expect(new Set(candidates.map((p) => p.section.split('.')[0]))).toEqual(new Set(['1', '2']));
    expect(candidates.every((p) => p.anchor === `s-${p.section.replaceAll('.', '-')}` && p.reportId === skl2022.id && p.year === 2022)).toBe(true);
    expect(candidates.every((p) => /[。！？]$/.test(p.text))).toBe(true);
    expect(candidates.find((p) => p.section === '2.1')?.text).toMatch(/^年初提出新建学会党支部不少于3家，实际只新建2家/);
    expect(candidates.some((p) => p.text.includes('全年开展巡回指导不少于20次'))).toBe(false); // a 2023 plan
  });

  it('cuts a paragraph into its sentences, losing no text but the thanks', () => {
    const paragraph = skl2022.outline.sections[0]!.children[0]!.children[0]!.body[0]!;
    const own = candidates.filter((p) => p.section === '1.1.1').map((p) => p.text).join('');
    expect(own.replace(/\s/g, '')).toBe(paragraph.replace(/\s/g, ''));
    expect(candidates.filter((p) => p.section === '1.1.1').length).toBeGreaterThan(2);
  });

  it('reads a short 一是 lead and a restated promise together with the sentence after them', () => {
    const dc2023 = byId('2023/明湖市东城区人民政府-政府工作报告');
    expect(collectEvidenceCandidates(dc2023).some((p) => p.text.startsWith('二是营商环境持续优化。推行'))).toBe(true);
    const skl2023 = byId(`2023/${SKL}-述职报告`);
    expect(collectEvidenceCandidates(skl2023).some((p) => /^上年提出制定《机关党员积分制管理办法》.*。目前办法已完成起草/.test(p.text))).toBe(true);
  });

  it('indexes the review of a national report', () => {
    const [, report2025] = loadCorpusSeries('gov-work-reports', '国务院', [2024, 2025]);
    const national = collectEvidenceCandidates(report2025!);
    expect(national.length).toBeGreaterThan(100);
    expect(national.every((p) => p.section.startsWith('1'))).toBe(true);
    expect(national.some((p) => p.text.includes('国内生产总值达到134.9万亿元'))).toBe(true);
    expect(national.some((p) => p.text.includes('表示诚挚感谢'))).toBe(false);
  });
});

describe('suggestFollowUps', () => {
  it('finds next year’s passage on the same measure: 巡回指导机制 → 巡回指导18次', () => {
    const [top, ...rest] = suggestFollowUps(commitment(skl2021, 'c-3-2-e2'), later(skl2021), { year: 2021 });
    expect(top).toMatchObject({ reportId: skl2022.id, year: 2022, section: '1.2.2', anchor: 's-1-2-2' });
    expect(top!.text).toContain('全年开展巡回指导18次');
    expect(top!.terms).toContain('巡回指导');
    expect(top!.score).toBeGreaterThan(0.4);
    expect(top!.score).toBeLessThanOrEqual(1);
    expect(rest.length).toBeLessThanOrEqual(2);
    expect(rest.every((s) => s.score <= top!.score && s.score >= DEFAULT_THRESHOLD / 2)).toBe(true);
  });

  it('lists shared quoted names and numbers among the matched terms', () => {
    const [top] = suggestFollowUps(commitment(byId(`2022/${WL}-工作总结`), 'c-3-3-e2'), later(byId(`2022/${WL}-工作总结`)), { year: 2022 });
    expect(top!.text).toContain('全年演出410场');
    expect(top!.terms).toEqual(expect.arrayContaining(['“文化惠民·戏曲进乡村”', '350场']));
  });

  it('looks at the next report only, and respects k and the threshold', () => {
    const c = commitment(skl2021, 'c-3-1-e1');
    const wide = suggestFollowUps(c, later(skl2021), { year: 2021, k: 10, threshold: 0 });
    expect(wide.length).toBeGreaterThan(3);
    expect(wide.every((s) => s.year === 2022)).toBe(true);
    expect(suggestFollowUps(c, later(skl2021), { year: 2021, k: 1 })).toHaveLength(1);
    expect(suggestFollowUps(c, later(skl2021), { year: 2021, threshold: 1.01 })).toEqual([]);
    expect(suggestFollowUps(c, later(skl2021), { year: 2023 })).toEqual([]); // no report after 2023
  });

  it('suggests nothing for a promise about things the other unit never did', () => {
    const wl2021 = byId(`2021/${WL}-工作总结`);
    const otherUnit = sample.filter((r) => r.unit === SKL && r.year > 2021);
    expect(suggestFollowUps(commitment(wl2021, 'c-3-3-e2'), otherUnit, { year: 2021 })).toEqual([]); // 非遗工坊
    expect(suggestFollowUps(commitment(wl2021, 'c-3-2-e1'), otherUnit, { year: 2021 })).toEqual([]); // 4A级旅游景区
  });

  it('ranks the national 2025 sentence on GDP first for the 2024 target 国内生产总值增长5%左右', () => {
    const national = loadCorpusSeries('gov-work-reports', '国务院', [2024, 2025]);
    const target = national[0]!.analysis.commitments.find((c) => c.text === '国内生产总值增长5%左右')!;
    expect(target).toMatchObject({ id: 'c-2-p3-t1', kind: 'target' });
    const [top] = suggestFollowUps(target, national, { year: 2024 });
    expect(top!.text).toMatch(/^主要表现在，经济规模稳步扩大，国内生产总值达到134\.9万亿元、增长5%/);
    expect(top!.terms).toEqual(expect.arrayContaining(['国内生产总值', '5%']));
  });
});

describe('follow-up quality on the sample archive (docs/sample-archive.md)', () => {
  it('has one truth row per row of the ground-truth tables, with the same ✓/✗', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/sample-archive.md'), 'utf8');
    const rows = doc.split(/^### /m).slice(1).flatMap((part) => {
      const unit = part.split(/\s/)[0]!;
      return [...part.matchAll(/^\| (\d{4}) \|.*\| ([✓✗]) \|$/gm)].map((m) => `${unit} ${m[1]} ${m[2]}`);
    });
    expect(rows).toHaveLength(49);
    expect(SAMPLE_TRUTH.map((t) => `${t.unit} ${t.year} ${t.kept ? '✓' : '✗'}`)).toEqual(rows);
    // Every truth row names a real promise and a passage that exists in the next year's report.
    for (const truth of SAMPLE_TRUTH) {
      const report = sample.find((r) => r.unit === truth.unit && r.year === truth.year)!;
      const next = sample.find((r) => r.unit === truth.unit && r.year === truth.year + 1)!;
      expect(promiseText(report, truth.commitment), `${truth.unit} ${truth.commitment}`).not.toBe('');
      expect(collectEvidenceCandidates(next).some((p) => truth.passage.some((phrase) => p.text.includes(phrase))), truth.passage[0]).toBe(true);
    }
  });

  it('ranks the true follow-up first for ≥ 95% of the 49 pairs and in the top 3 for ≥ 98% (measured: 100% / 100%)', () => {
    const measured = measureSample(sample);
    expect(measured.pairs).toBe(49);
    expect(measured.precisionAt1).toBeGreaterThanOrEqual(0.95);
    expect(measured.recallAt3).toBeGreaterThanOrEqual(0.98);
  });
});

describe('resolveFollowUps', () => {
  const { followUps, errors } = resolveFollowUps(sample);
  const find = (key: string) => followUps.find((f) => f.commitmentKey === key)!;

  it('resolves every explicit follow-up of the sample archive', () => {
    expect(errors).toEqual([]);
    const explicit = followUps.filter((f) => f.explicit.length > 0);
    expect(explicit).toHaveLength(16);
    expect(find(`${skl2021.id}#c-3-2-e3`)).toMatchObject({
      explicit: [{ reportId: skl2022.id, year: 2022, status: '未落实', anchor: 's-1-2-3', evidence: expect.stringContaining('但未完成年初提出的新建不少于3家的目标') }],
      suggested: [],
    });
  });

  it('agrees with the ground truth, and quotes the later report', () => {
    for (const f of followUps.filter((item) => item.explicit.length > 0)) {
      const [reportId, id] = f.commitmentKey.split('#');
      const report = byId(reportId!);
      const truth = SAMPLE_TRUTH.find((t) => t.unit === report.unit && t.year === report.year && t.commitment === id);
      expect(truth, f.commitmentKey).toBeDefined();
      for (const entry of f.explicit) {
        expect(entry.status === '落实', f.commitmentKey).toBe(truth!.kept);
        const later = byId(entry.reportId);
        expect(later.outline.sections.length).toBeGreaterThan(0);
        const body = parseFrontmatter(fs.readFileSync(path.join(ROOT, 'content/reports', `${entry.reportId}.mdx`), 'utf8')).body;
        expect(body).toContain(entry.evidence);
      }
    }
  });

  it('suggests for the promises nobody annotated, and for none of the last year’s', () => {
    const unannotated = find(`${skl2021.id}#c-3-1-e1`);
    expect(unannotated.explicit).toEqual([]);
    expect(unannotated.suggested.slice(0, 3).some((s) => s.text.includes('中层干部围绕业务开展重点学习专题10次'))).toBe(true);
    expect(unannotated.suggested.every((s) => s.reportId === skl2022.id && s.year === 2022)).toBe(true);
    expect(followUps).toHaveLength(sample.reduce((n, r) => n + r.analysis.commitments.length, 0));
    const last = followUps.filter((f) => f.commitmentKey.startsWith('2023/') && !f.commitmentKey.includes('东城区'));
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((f) => f.suggested.length === 0 && f.explicit.length === 0 && f.followUps.length === 0)).toBe(true);
  });

  it('lists follow-ups best first, explicit ones first, each with report, section, anchor, text, score and source', () => {
    const annotated = find(`${skl2021.id}#c-3-2-e3`);
    expect(annotated.followUps).toEqual([expect.objectContaining({
      report: skl2022.id, year: 2022, section: '1.2.3', anchor: 's-1-2-3', score: 1, source: 'explicit', status: '未落实',
      text: expect.stringContaining('但未完成年初提出的新建不少于3家的目标'),
    })]);
    for (const f of followUps) {
      const sources = f.followUps.map((e) => e.source);
      expect(sources).toEqual([...sources].sort()); // 'explicit' before 'suggested'
      // Suggestions best first (a target's outcome sentence, marked with its verdict, leads whatever its score).
      const scores = f.followUps.filter((e) => e.source === 'suggested' && !e.verdict).map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(f.followUps.every((e) => e.text !== '' && e.report !== '' && e.score > 0 && e.score <= 1)).toBe(true);
    }
  });

  it('puts a target’s outcome first, with the verdict: 2021 学习不少于20次 → 22次 达成', () => {
    const target = find(`${skl2021.id}#c-3-1-e1`);
    expect(target.target?.verdict).toBe('达成');
    expect(target.followUps[0]).toMatchObject({ source: 'suggested', verdict: '达成', text: expect.stringContaining('学习22次') });
  });

  it('reports references to a missing report, commitment or section, and to a later promise', () => {
    const broken = sample.map((r) => r.id !== skl2022.id ? r : {
      ...r,
      followUps: [
        { commitment: '2020/明湖市社会科学界联合会-述职报告#c-3-1-e1', status: '落实' as const },
        { commitment: `${skl2021.id}#c-9-9-e9`, status: '落实' as const },
        { commitment: `${skl2021.id}#c-3-1-e1`, status: '落实' as const, section: 's-7-1' },
        { commitment: `2023/${SKL}-述职报告#c-3-1-e1`, status: '落实' as const },
        { commitment: `${skl2021.id}#c-3-1-e2`, status: '落实' as const, section: 's-1-1-2' },
      ],
    });
    const result = resolveFollowUps(broken);
    expect(result.errors.map((e) => [e.report, e.commitment])).toEqual([
      [skl2022.id, '2020/明湖市社会科学界联合会-述职报告#c-3-1-e1'],
      [skl2022.id, `${skl2021.id}#c-9-9-e9`],
      [skl2022.id, `${skl2021.id}#c-3-1-e1`],
      [skl2022.id, `2023/${SKL}-述职报告#c-3-1-e1`],
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      '找不到报告“2020/明湖市社会科学界联合会-述职报告”',
      `报告“${skl2021.id}”中没有承诺“c-9-9-e9”`,
      '本报告中没有第 s-7-1 节',
      '只能回应更早年份的承诺（2023 年不早于 2022 年）',
    ]);
    // A valid entry without evidence takes the first paragraph of the section it names.
    const [entry] = result.followUps.find((f) => f.commitmentKey === `${skl2021.id}#c-3-1-e2`)!.explicit;
    expect(entry).toMatchObject({ anchor: 's-1-1-2', evidence: expect.stringMatching(/^一是在《明湖社科》/) });
  });
});
