import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusSeries, loadSampleArchive, measureSample, promiseText, SAMPLE_TRUTH } from '../../../bench/follow-up-quality.ts';
import { DEFAULT_THRESHOLD, indexPassages, resolveFollowUps, suggestFollowUps, type SeriesReport } from '../../../src/lib/compare/follow-up.ts';
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

describe('indexPassages', () => {
  const passages = indexPassages(skl2022);

  it('takes the paragraphs of review and problems sections only, each with its heading anchor', () => {
    expect(new Set(passages.map((p) => p.section.split('.')[0]))).toEqual(new Set(['1', '2']));
    expect(passages.every((p) => p.anchor === `s-${p.section.replaceAll('.', '-')}` && p.reportId === skl2022.id && p.year === 2022)).toBe(true);
    expect(passages.find((p) => p.section === '2.1')?.text).toMatch(/^年初提出新建学会党支部不少于3家，实际只新建2家/);
    expect(passages.some((p) => p.text.includes('全年开展巡回指导不少于20次'))).toBe(false); // a 2023 plan
  });

  it('splits a 一是/二是/三是 paragraph into its items, losing no text', () => {
    const items = passages.filter((p) => p.section === '1.1.1');
    expect(items.map((p) => p.key)).toEqual(['1.1.1/p1/1', '1.1.1/p1/2', '1.1.1/p1/3']);
    expect(items.map((p) => p.text.slice(0, 2))).toEqual(['一是', '二是', '三是']);
    const paragraph = skl2022.outline.sections[0]!.children[0]!.children[0]!.body[0]!;
    expect(items.map((p) => p.text).join('').replace(/\s/g, '')).toBe(paragraph.replace(/\s/g, ''));
    // "究其原因，一是…二是…": a problems paragraph is split as well; its short lead-in goes.
    expect(passages.filter((p) => p.section === '2.4').map((p) => p.key)).toEqual(['2.4/p1', '2.4/p2/1', '2.4/p2/2']);
    expect(passages.find((p) => p.key === '2.4/p2/1')!.text).toMatch(/^一是对学会党建的特殊性研究不够/);
  });

  it('indexes the review of a national report', () => {
    const [, report2025] = loadCorpusSeries('gov-work-reports', '国务院', [2024, 2025]);
    const national = indexPassages(report2025!);
    expect(national.length).toBeGreaterThan(10);
    expect(national.every((p) => p.section.startsWith('1'))).toBe(true);
    expect(national.some((p) => p.text.includes('国内生产总值达到134.9万亿元'))).toBe(true);
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
    expect(rest.every((s) => s.score <= top!.score && s.score >= DEFAULT_THRESHOLD)).toBe(true);
  });

  it('lists shared quoted names and numbers among the matched terms', () => {
    const [top] = suggestFollowUps(commitment(byId(`2022/${WL}-工作总结`), 'c-3-3-e2'), later(byId(`2022/${WL}-工作总结`)), { year: 2022 });
    expect(top!.text).toContain('全年演出410场');
    expect(top!.terms).toEqual(expect.arrayContaining(['“文化惠民·戏曲进乡村”', '350场']));
  });

  it('looks at N+1 and N+2 by default, N+1 only with horizon 1, and respects k and the threshold', () => {
    const c = commitment(skl2021, 'c-3-1-e1');
    const wide = suggestFollowUps(c, later(skl2021), { year: 2021, k: 10, threshold: 0 });
    expect(new Set(wide.map((s) => s.year))).toEqual(new Set([2022, 2023]));
    expect(suggestFollowUps(c, later(skl2021), { year: 2021, k: 10, threshold: 0, horizon: 1 }).every((s) => s.year === 2022)).toBe(true);
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

  it('ranks the national 2025 review paragraph on the targets first for the 2024 targets', () => {
    const national = loadCorpusSeries('gov-work-reports', '国务院', [2024, 2025]);
    const targets = commitment(national[0]!, 'c-2-p3');
    expect(targets.text).toMatch(/^今年发展主要预期目标是：国内生产总值增长5%左右/);
    const [top] = suggestFollowUps(targets, national, { year: 2024 });
    expect(top!.text).toContain('国内生产总值达到134.9万亿元、增长5%');
    expect(top!.terms).toEqual(expect.arrayContaining(['国内生产总值', '城镇调查失业率']));
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
      expect(indexPassages(next).some((p) => truth.passage.some((phrase) => p.text.includes(phrase))), truth.passage[0]).toBe(true);
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
    expect(unannotated.suggested[0]).toMatchObject({ reportId: skl2022.id, year: 2022, anchor: 's-1-1-1' });
    expect(unannotated.suggested[0]!.text).toContain('中层干部围绕业务开展重点学习专题10次');
    expect(followUps).toHaveLength(sample.reduce((n, r) => n + r.analysis.commitments.length, 0));
    const last = followUps.filter((f) => f.commitmentKey.startsWith('2023/') && !f.commitmentKey.includes('东城区'));
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((f) => f.suggested.length === 0 && f.explicit.length === 0)).toBe(true);
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
