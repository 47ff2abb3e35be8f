import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../../src/lib/structure/analyze.ts';
import { extractMetrics, extractReportMetrics, parseChineseNumber } from '../../../src/lib/structure/metrics.ts';
import { parseOutline } from '../../../src/lib/structure/outline.ts';
import { assignSectionRoles } from '../../../src/lib/structure/section-roles.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const shared = path.resolve(import.meta.dirname, '../../../../shared');
const seed = fs.readFileSync(path.join(shared, 'seeds/000_b79b53dc5c4bd550.txt'), 'utf8');

describe('parseChineseNumber', () => {
  it.each([
    ['两', 2], ['十', 10], ['十一', 11], ['二十', 20], ['三百', 300], ['一百零三', 103], ['两千五百', 2500],
    ['六百二十四万八千', 6248000], ['三十亿八千万', 3080000000], ['十一点五', 11.5], ['二點六', 2.6],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });
  it.each(['一九五八', '万', '亿万', ''])('rejects %s', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('extractMetrics fixtures', () => {
  const dirs = fs.readdirSync(fixtures).filter((d) => d.startsWith('metrics-'));
  it('has one fixture per metric form', () => {
    expect(dirs.sort()).toEqual([
      'metrics-amounts', 'metrics-chinese-numerals', 'metrics-counts', 'metrics-full-width', 'metrics-not-metrics',
      'metrics-percent', 'metrics-periods', 'metrics-qualifiers', 'metrics-ranges',
    ]);
  });
  it.each(dirs)('%s', (dir) => {
    const lines = fs.readFileSync(path.join(fixtures, dir, 'input.txt'), 'utf8').split('\n').filter(Boolean);
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, dir, 'expected.json'), 'utf8'));
    const actual = lines.flatMap((line) =>
      extractMetrics(line).map(({ raw, label, value, valueMax, unit, qualifier, period }) => ({
        raw, label, value, ...(valueMax !== undefined ? { valueMax } : {}), unit, ...(qualifier ? { qualifier } : {}), ...(period ? { period } : {}),
      })),
    );
    expect(actual).toEqual(expected);
  });
});

describe('extractMetrics on the seed', () => {
  const metrics = extractMetrics(seed);

  it('finds the counts and amounts of the 述职报告 with sensible labels', () => {
    const byRaw = (raw: string) => metrics.filter((m) => m.raw === raw).map((m) => [m.label, m.value, m.unit, m.qualifier ?? '']);
    expect(byRaw('4次')).toEqual([['党课宣讲', 4, '次', '']]);
    expect(byRaw('3次')).toEqual([['领导干部上党课', 3, '次', '']]);
    expect(byRaw('20次')).toEqual([['党组理论学习中心组学习', 20, '次', '']]);
    expect(byRaw('26次')).toEqual([['集体学习', 26, '次', '']]);
    expect(byRaw('7次')).toEqual([['研讨交流', 7, '次', ''], ['专题读书班', 7, '次', '']]);
    expect(byRaw('80万元')).toEqual([['捐赠各类物资价值', 80, '万元', '']]);
    expect(byRaw('1万元')).toEqual([['现金', 1, '万元', '']]);
    expect(byRaw('35户')).toEqual([['慰问困难群众和困难党员', 35, '户', '']]);
    expect(byRaw('两台')).toEqual([['为帮扶村捐赠空调', 2, '台', '']]);
    expect(byRaw('6套')).toEqual([['办公桌椅', 6, '套', '']]);
    expect(byRaw('50个')).toEqual([['垃圾桶', 50, '个', '']]);
    expect(byRaw('60盏')).toEqual([['路灯', 60, '盏', '']]);
    expect(byRaw('100余株')).toEqual([['绿化树木', 100, '株', '余']]);
    expect(byRaw('5000余元')).toEqual([['筹集慰问品价值', 5000, '元', '余']]);
    expect(byRaw('10余家')).toEqual([['社科直属学会', 10, '家', '余']]);
    expect(byRaw('达4.8万')).toEqual([['全网阅读量', 48000, '', '达']]);
    expect(byRaw('37个')).toEqual([['发布疫情防控相关内容', 37, '个', '']]);
  });

  it('extracts nothing from dates, years, ordinals and names', () => {
    const raws = metrics.map((m) => m.raw);
    expect(raws.some((r) => /年|月|日|届|周年|第/.test(r))).toBe(false);
    expect(raws).not.toContain('两次'); // "两次向省XXX…汇报" is not a tally
    expect(metrics).toHaveLength(26);
  });

  it('gives the whole sentence and the offset of each metric', () => {
    const trees = metrics.find((m) => m.raw === '100余株')!;
    expect(trees.sentence).toMatch(/^同时，经常性到帮扶村走访慰问苦难群众和困难党员，.*绿化树木100余株。$/);
    expect(seed.slice(trees.index, trees.index + trees.raw.length)).toBe('100余株');
  });
});

describe('extractReportMetrics', () => {
  it('tags each metric with its section and role', () => {
    const outline = parseOutline(textToBlocks(seed));
    const metrics = extractReportMetrics(outline, assignSectionRoles(outline));
    expect(metrics).toHaveLength(26);
    const lecture = metrics.find((m) => m.raw === '4次')!;
    expect([lecture.sectionId, lecture.role]).toEqual(['1.1.1', 'review']);
    const lights = metrics.find((m) => m.raw === '60盏')!;
    expect([lights.sectionId, lights.role]).toEqual(['1.2.3', 'review']);
  });
});

describe('metrics across the corpus', () => {
  const corpus = path.join(shared, 'corpus');
  const files = ['gov-work-reports', 'hailar-district-gov-work-reports'].flatMap((d) =>
    fs.readdirSync(path.join(corpus, d)).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpus, d, f)),
  );
  const all = files.flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').flatMap((line) => extractMetrics(line)));

  it('finds thousands of metrics, none without a label', () => {
    expect(all.length).toBeGreaterThan(4000);
    expect(all.filter((m) => m.label.trim() === '')).toEqual([]);
  });

  it('never turns a year, a date or an ordinal into a metric', () => {
    expect(all.filter((m) => /^[0-9０-９]{4}\s*年|[0-9０-９]月|^第/.test(m.raw))).toEqual([]);
    expect(all.filter((m) => m.unit === '' && m.value < 1000)).toEqual([]);
  });

  it('reads the headline targets of 2024', () => {
    const text = fs.readFileSync(path.join(corpus, 'gov-work-reports/2024.txt'), 'utf8');
    const targets = extractMetrics(text.split('\n').find((l) => l.startsWith('今年发展主要预期目标是'))!);
    expect(targets.slice(0, 3).map((m) => [m.label, m.value, m.unit, m.qualifier])).toEqual([
      ['国内生产总值增长', 5, '%', '左右'],
      ['城镇新增就业', 1200, '万人', '以上'],
      ['城镇调查失业率', 5.5, '%', '左右'],
    ]);
  });
});
