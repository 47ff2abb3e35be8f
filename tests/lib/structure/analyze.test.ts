import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReport, inferTitle, textToBlocks, type AnalyzedSection, type ReportAnalysis } from '../../../src/lib/structure/analyze.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared');
const corpus = path.join(shared, 'corpus');
const seed = fs.readFileSync(path.join(shared, 'seeds/000_b79b53dc5c4bd550.txt'), 'utf8');

const analyzeText = (text: string) => analyzeReport({ blocks: textToBlocks(text) });

describe('textToBlocks', () => {
  it('makes one block per non-empty line, for LF, CRLF and CR, keeping every character', () => {
    expect(textToBlocks('　　一、履职情况\r\n\r\n正文 \r第二段\n   \n(一)末段')).toEqual([
      { text: '　　一、履职情况' },
      { text: '正文 ' },
      { text: '第二段' },
      { text: '(一)末段' },
    ]);
  });
  it('keeps all of the seed', () => {
    const blocks = textToBlocks(seed);
    expect(blocks).toHaveLength(seed.split('\n').filter((l) => l.trim()).length);
    expect(blocks.map((b) => b.text).join('')).toBe(seed.replace(/\n/g, ''));
  });
});

describe('title and year', () => {
  it('reads a title block, but not a salutation, a date line or a paragraph', () => {
    expect(inferTitle(textToBlocks('政 府 工 作 报 告\n----2012年2月29日在海拉尔区第十三届人民代表大会上'))).toBe('政府工作报告');
    expect(inferTitle(textToBlocks('各位代表：\n现在，我代表国务院'))).toBeNull();
    expect(inferTitle(textToBlocks('　—2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上'))).toBeNull();
    expect(inferTitle(textToBlocks(seed))).toBeNull();
  });

  it('takes the year from the title, the review heading, an opening "2021年，" or a date line', () => {
    expect(analyzeText('2021年度述职报告\n一、2020年工作回顾').year).toBe(2021);
    expect(analyzeText(seed).year).toBe(2021);
    expect(analyzeText(fs.readFileSync(path.join(corpus, 'gov-work-reports/2019.txt'), 'utf8')).year).toBe(2018);
    expect(analyzeText('政府工作报告\n——2013年3月5日在第十二届全国人民代表大会第一次会议上\n各位代表：\n一、过去五年工作回顾\n五年来…').year).toBe(2012);
    expect(analyzeText('一、过去五年工作回顾\n五年来…').year).toBeNull();
  });

  it('prefers what the caller knows', () => {
    const analysis = analyzeReport({ blocks: textToBlocks(seed), title: '2021年度述职报告', year: 2020 });
    expect([analysis.title, analysis.year]).toEqual(['2021年度述职报告', 2020]);
  });
});

describe('analyzeReport on the seed', () => {
  const analysis = analyzeText(seed);

  it('returns the outline with roles', () => {
    expect(analysis.sections.map((s) => [s.id, s.title, s.level, s.role, s.children.length])).toEqual([
      ['1', '一、履职情况', 1, 'review', 2],
      ['2', '二、主要问题', 1, 'problems', 4],
      ['3', '三、下步打算', 1, 'plans', 3],
    ]);
    expect(analysis.sections[0]!.children[1]!.children[3]).toEqual({
      id: '1.2.4', title: '4.主动担当作为，深化省域副中心城市研究。', level: 3, role: 'review', children: [],
    });
  });

  it('lists the nine commitments with their section, path and anchors', () => {
    expect(analysis.commitments).toHaveLength(9);
    const last = analysis.commitments[8]!;
    expect({ ...last, text: last.text.slice(0, 12) }).toEqual({
      id: 'c-3-3-e3',
      text: '紧紧抓住落实全面从严治党',
      kind: 'task',
      section: '3.3',
      sectionPath: ['三、下步打算', '（三）围绕“作风建设”、贯穿“制度建设”，更好保障目标任务落地落实。'],
      headingId: 's-3-3',
      anchor: 'c-3-3-e3',
    });
  });

  it('lists metrics with label, value, unit, sentence and section', () => {
    expect(analysis.metrics).toHaveLength(26);
    expect(analysis.metrics.find((m) => m.unit === '户')).toEqual({
      label: '慰问困难群众和困难党员',
      value: 35,
      unit: '户',
      sentence: expect.stringMatching(/^同时，经常性到帮扶村走访慰问.*绿化树木100余株。$/),
      section: '1.2.3',
    });
    expect(analysis.metrics.find((m) => m.qualifier === '达')).toMatchObject({ label: '全网阅读量', value: 48000, unit: '', section: '1.2.2' });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
  });
});

describe('analyzeReport over the whole corpus', () => {
  const files = ['gov-work-reports', 'hailar-district-gov-work-reports'].flatMap((d) =>
    fs.readdirSync(path.join(corpus, d)).filter((f) => f.endsWith('.txt')).map((f) => `${d}/${f}`),
  );
  const analyses = new Map<string, ReportAnalysis>(files.map((f) => [f, analyzeText(fs.readFileSync(path.join(corpus, f), 'utf8'))]));
  const get = (file: string) => analyses.get(file)!;
  const topRoles = (file: string) => get(file).sections.map((s) => s.role);
  const flat = (sections: AnalyzedSection[]): AnalyzedSection[] => sections.flatMap((s) => [s, ...flat(s.children)]);

  it('analyses all 61 files', () => {
    expect(analyses.size).toBe(61);
  });

  it.each(['2019', '2022', '2024', '2025'])('national %s: 工作回顾 / 总体要求和政策取向 / 政府工作任务', (year) => {
    const analysis = get(`gov-work-reports/${year}.txt`);
    expect(topRoles(`gov-work-reports/${year}.txt`)).toEqual(['review', 'plans', 'plans']);
    expect(analysis.sections[2]!.title).toMatch(/^三、\d{4}年政府工作任务$/);
    expect(analysis.sections[2]!.children.length).toBeGreaterThanOrEqual(9);
    expect(analysis.year).toBe(Number(year) - 1);
  });

  it('term-end reports 2018 and 2023 review five years, then propose', () => {
    expect(topRoles('gov-work-reports/2018.txt')).toEqual(['review', 'plans', 'plans']);
    expect(topRoles('gov-work-reports/2023.txt')).toEqual(['review', 'plans']);
  });

  it('every national report from 1992 on, except 2002 (review in the preamble), opens with a review and has plans', () => {
    const modern = files.filter((f) => f.startsWith('gov-work-reports/') && Number(f.slice(17, 21)) >= 1992 && !f.includes('2002'));
    expect(modern).toHaveLength(32);
    for (const file of modern) {
      expect([file, topRoles(file)[0]]).toEqual([file, 'review']);
      expect([file, topRoles(file).includes('plans')]).toEqual([file, true]);
    }
  });

  it('every 海拉尔 report has a review, a plans part and at least ten commitments', () => {
    const hailar = files.filter((f) => f.startsWith('hailar'));
    expect(hailar).toHaveLength(8);
    for (const file of hailar) {
      expect([file, topRoles(file)[0], topRoles(file).includes('plans')]).toEqual([file, 'review', true]);
      expect([file, get(file).commitments.length >= 10]).toEqual([file, true]);
      expect(get(file).title === '政府工作报告' || file.endsWith('2017.txt')).toBe(true);
    }
  });

  it('takes commitments only from plans sections (and the closing after a plans part), with unique ids', () => {
    for (const [file, analysis] of analyses) {
      const roleOf = new Map(flat(analysis.sections).map((s) => [s.id, s.role]));
      const endsWithPlans = analysis.sections.at(-1)?.role === 'plans';
      const wrong = analysis.commitments.filter((c) => (c.section === 'end' ? !endsWithPlans : roleOf.get(c.section) !== 'plans')).map((c) => c.id);
      expect([file, wrong]).toEqual([file, []]);
      expect([file, new Set(analysis.commitments.map((c) => c.id)).size]).toEqual([file, analysis.commitments.length]);
    }
  });

  it('gives every metric a label and never a year', () => {
    for (const [file, analysis] of analyses) {
      expect([file, analysis.metrics.filter((m) => m.label.trim() === '')]).toEqual([file, []]);
      expect([file, analysis.metrics.filter((m) => /^\d{4}$/.test(String(m.value)) && m.unit === '')]).toEqual([file, []]);
    }
  });

  it('finds no structure in reports that have none (1954, 1960, 1964, 1975)', () => {
    for (const year of ['1954', '1960', '1964', '1975']) {
      expect(get(`gov-work-reports/${year}.txt`).sections).toEqual([]);
    }
  });
});
