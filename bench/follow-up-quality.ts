/**
 * Follow-up suggestion quality (src/lib/compare/follow-up.ts).
 *
 *   npx node bench/follow-up-quality.ts [--all] [--seed N]
 *
 * Sample archive (content/reports): every promise → follow-up pair of docs/sample-archive.md,
 * written down below as the commitment and a phrase of the true follow-up passage;
 * prints precision@1 (the top suggestion is a true passage) and recall@3 (one of the
 * top 3 is), suggestions cut at the default threshold as a reader would see them.
 *
 * Corpus (../shared/corpus): 海拉尔区 2012→2013 … 2018→2019 and national 2023→2024→2025.
 * There is no ground truth, so it counts the commitments with a suggestion above the
 * threshold and prints 20 random ones (seeded) with their top suggestion, for a person
 * to judge; --all prints every commitment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeReportParts, textToBlocks } from '../src/lib/structure/analyze.ts';
import { DEFAULT_THRESHOLD, suggestFollowUps, type ExplicitFollowUp, type FollowUpSuggestion, type SeriesReport } from '../src/lib/compare/follow-up.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { readMarkdownBlocks } from '../src/lib/structure/markdown-blocks.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** The sample archive's reports, analysed as the build does (frontmatter year, MDX body). */
export function loadSampleArchive(dir = path.join(ROOT, 'content/reports')): SeriesReport[] {
  return fs.readdirSync(dir).sort().flatMap((year) => fs.readdirSync(path.join(dir, year)).sort().map((file) => {
    const { data, body } = parseFrontmatter(fs.readFileSync(path.join(dir, year, file), 'utf8'));
    const { analysis, outline } = analyzeReportParts({ blocks: readMarkdownBlocks(body, { mdx: true }), year: data['year'] as number });
    const followUps = (data['followUps'] ?? []) as ExplicitFollowUp[];
    return { id: `${year}/${file.replace(/\.mdx$/, '')}`, year: data['year'] as number, unit: data['unit'] as string, analysis, outline, followUps };
  }));
}

/** Corpus files as a series of one unit; the file's year is the delivery year, as in the sample's frontmatter. */
export function loadCorpusSeries(folder: string, unit: string, years: number[]): SeriesReport[] {
  return years.map((year) => {
    const { analysis, outline } = analyzeReportParts({ blocks: textToBlocks(fs.readFileSync(path.join(CORPUS, folder, `${year}.txt`), 'utf8')) });
    return { id: `${folder}/${year}`, year, unit, analysis, outline };
  });
}

const SKL = '明湖市社会科学界联合会';
const WL = '明湖市文化广电和旅游局';
const DC = '明湖市东城区人民政府';

/**
 * docs/sample-archive.md, row by row: the unit, the plan year, the commitment id (from
 * analyze), phrases of which one must be in the true follow-up passage of year + 1, and
 * whether the promise was kept (✓).
 */
export const SAMPLE_TRUTH: { unit: string; year: number; commitment: string; passage: string[]; kept: boolean }[] = [
  ...([
    ['c-3-1-e1', ['中层干部围绕业务开展重点学习专题10次'], true],
    ['c-3-1-e2', ['审读稿件186篇'], true],
    ['c-3-2-e1', ['整改销号9个', '还有2个涉及制度衔接'], false],
    ['c-3-2-e2', ['巡回指导18次'], true],
    ['c-3-2-e3', ['全年新建学会党支部2家', '实际只新建2家'], false],
    ['c-3-2-e4', ['“社科先锋进社区”活动8场', '“社科先锋”党建品牌虽已制定创建方案'], false],
    // Two sentences answer it: one per half of the promise (议事决策机制 / 项目化、清单化管理).
    ['c-3-3-e1', ['已完成30项', '全年召开党组会议24次'], true],
    ['c-3-3-e2', ['走访高校4所'], true],
  ] as const).map(([commitment, passage, kept]) => ({ unit: SKL, year: 2021, commitment, passage: [...passage], kept })),
  ...([
    ['c-3-1-e1', ['专题宣讲36场'], true],
    ['c-3-1-e2', ['党组理论学习中心组学习24次'], true],
    ['c-3-2-e1', ['巡回指导24次'], true],
    ['c-3-2-e2', ['实现党的组织全覆盖'], true],
    ['c-3-2-e3', ['十佳党建品牌'], true],
    ['c-3-3-e1', ['办法已完成起草'], false],
    ['c-3-3-e2', ['11个排查问题全部整改销号'], true],
    ['c-3-4-e1', ['5名班子成员各牵头1项'], true],
  ] as const).map(([commitment, passage, kept]) => ({ unit: SKL, year: 2022, commitment, passage: [...passage], kept })),
  ...([
    ['c-3-1-e1', ['全年新建城市书房8个', '城市书房只建成8个'], false],
    ['c-3-1-e2', ['全市182个行政村全部建成应急广播'], true],
    ['c-3-1-e3', ['全年演出286场', '演出只完成286场'], false],
    ['c-3-2-e1', ['8月正式被评定为国家4A级旅游景区'], true],
    ['c-3-2-e2', ['受疫情影响两次延期', '首届明湖湖鲜美食文化旅游节未能举办'], false],
    ['c-3-2-e3', ['乡村旅游精品线路6条'], true],
    ['c-3-3-e1', ['公布第三批市级文物保护单位27处'], true],
    ['c-3-3-e2', ['非遗工坊6个'], true],
  ] as const).map(([commitment, passage, kept]) => ({ unit: WL, year: 2021, commitment, passage: [...passage], kept })),
  ...([
    ['c-3-1-e1', ['全年全市接待游客528.7万人次'], true],
    ['c-3-1-e2', ['首届明湖湖鲜美食文化旅游节于10月'], true],
    ['c-3-1-e3', ['分三轮发放文旅消费券800万元', '开展“四季游明湖”促消费活动120余场'], true],
    ['c-3-2-e1', ['申报国家级夜间文化和旅游消费集聚区未能入选'], false],
    ['c-3-2-e2', ['平台于6月正式上线'], true],
    ['c-3-2-e3', ['全年新增A级旅游景区2家'], true],
    ['c-3-3-e1', ['累计达到48个'], true],
    ['c-3-3-e2', ['全年演出410场'], true],
    ['c-3-3-e3', ['布展工程完成总工程量的90%', '明湖博物馆新馆未能按计划开馆'], false],
  ] as const).map(([commitment, passage, kept]) => ({ unit: WL, year: 2022, commitment, passage: [...passage], kept })),
  ...([
    // 地区生产总值, 一般公共预算收入, 固定资产投资: three indicators of the targets paragraph, one answer.
    ['c-2-p2-t1', ['同比增长3.6%'], false], ['c-2-p2-t2', ['同比增长3.6%'], false], ['c-2-p2-t3', ['同比增长3.6%'], false],
    ['c-2-1-e1', ['东城智造产业园一期按期建成投用'], true],
    ['c-2-1-e2', ['全年新增市场主体8600户'], true],
    ['c-2-2-e1', ['全年改造老旧小区31个'], true],
    ['c-2-2-e2', ['新增公共停车泊位2150个'], true],
    ['c-2-3-e1', ['区人民医院新院区于9月建成投用'], true],
    ['c-2-3-e2', ['新建、改扩建中小学和幼儿园4所', '青禾路小学建设滞后'], false],
    ['c-2-3-e4', ['新建社区嵌入式养老服务中心6个，为困难老年人'], true],
  ] as const).map(([commitment, passage, kept]) => ({ unit: DC, year: 2022, commitment, passage: [...passage], kept })),
  ...([
    ['c-2-p2-t1', ['同比增长5.8%'], false],
    ['c-2-1-e1', ['全年新引进亿元以上项目23个'], true],
    ['c-2-2-e1', ['全年改造老旧小区28个', '老旧小区改造、东沙河综合治理一期工程等没有完成'], false],
    ['c-2-2-e2', ['东沙河综合治理一期工程完成总工程量的70%'], false],
    ['c-2-2-e3', ['新增公共停车泊位3260个'], true],
    ['c-2-3-e1', ['青禾路小学于3月开工建设'], true],
  ] as const).map(([commitment, passage, kept]) => ({ unit: DC, year: 2023, commitment, passage: [...passage], kept })),
];

export interface SampleMeasurement {
  pairs: number;
  precisionAt1: number;
  recallAt3: number;
  /** Per pair: 1-based rank of the first true passage among the suggestions, 0 when none. */
  ranks: { unit: string; year: number; commitment: string; rank: number; top: FollowUpSuggestion | undefined }[];
}

/** The promise text of a truth row. */
export function promiseText(report: SeriesReport, commitment: string): string {
  return report.analysis.commitments.find((c) => c.id === commitment)?.text ?? '';
}

export function measureSample(reports: SeriesReport[], options: { threshold?: number } = {}): SampleMeasurement {
  const ranks = SAMPLE_TRUTH.map(({ unit, year, commitment, passage }) => {
    const report = reports.find((r) => r.unit === unit && r.year === year)!;
    const later = reports.filter((r) => r.unit === unit && r.year > year);
    const found = suggestFollowUps({ text: promiseText(report, commitment) }, later, { year, k: 3, ...options });
    const rank = found.findIndex((s) => s.year === year + 1 && passage.some((phrase) => s.text.includes(phrase))) + 1;
    return { unit, year, commitment, rank, top: found[0] };
  });
  return {
    pairs: ranks.length,
    precisionAt1: ranks.filter((r) => r.rank === 1).length / ranks.length,
    recallAt3: ranks.filter((r) => r.rank >= 1).length / ranks.length,
    ranks,
  };
}

/** Small seeded generator (mulberry32), so the spot-check shows the same commitments each run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clip = (text: string, length: number) => ([...text].length > length ? `${[...text].slice(0, length).join('')}…` : text);

function main(): void {
  const args = process.argv.slice(2);
  const seed = Number(args[args.indexOf('--seed') + 1]) || 2024;
  const sample = measureSample(loadSampleArchive());
  console.log(`Sample archive, ${sample.pairs} promise → follow-up pairs, threshold ${DEFAULT_THRESHOLD}`);
  console.log(`  precision@1 ${(sample.precisionAt1 * 100).toFixed(1)}%   recall@3 ${(sample.recallAt3 * 100).toFixed(1)}%`);
  for (const miss of sample.ranks.filter((r) => r.rank !== 1)) {
    console.log(`  ${miss.rank === 0 ? 'missed' : `rank ${miss.rank}`}: ${miss.unit} ${miss.year} ${miss.commitment} (top: ${miss.top ? clip(miss.top.text, 40) : '—'})`);
  }

  const series = [
    loadCorpusSeries('hailar-district-gov-work-reports', '海拉尔区人民政府', [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]),
    loadCorpusSeries('gov-work-reports', '国务院', [2023, 2024, 2025]),
  ];
  const rows = series.flatMap((reports) => reports.slice(0, -1).flatMap((report) => {
    const later = reports.filter((r) => r.year > report.year);
    return report.analysis.commitments.map((c) => ({ report, commitment: c, top: suggestFollowUps(c, later, { year: report.year, k: 1 })[0] }));
  }));
  console.log('\nCorpus (no ground truth)');
  for (const reports of series) {
    const own = rows.filter((row) => reports.includes(row.report));
    const above = own.filter((row) => row.top).length;
    console.log(`  ${reports[0]!.id.split('/')[0]} ${reports[0]!.year}–${reports.at(-1)!.year}: ${above}/${own.length} commitments (${((above / own.length) * 100).toFixed(0)}%) have a suggestion ≥ ${DEFAULT_THRESHOLD}`);
  }
  const next = random(seed);
  const picked = args.includes('--all') ? rows : [...rows].map((row) => ({ row, key: next() })).sort((a, b) => a.key - b.key).slice(0, 20).map((p) => p.row);
  console.log(`\n${picked.length} ${args.includes('--all') ? '' : `random (seed ${seed}) `}commitments and their top suggestion:`);
  for (const { report, commitment, top } of picked) {
    console.log(`\n● ${report.id} ${commitment.id}: ${clip(commitment.text, 70)}`);
    console.log(top ? `  → ${top.score.toFixed(2)} ${top.reportId} §${top.section}: ${clip(top.text, 90)}\n    shared: ${top.terms.join('、')}` : '  → (nothing above the threshold)');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
