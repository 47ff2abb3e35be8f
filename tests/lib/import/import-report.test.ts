import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReport, textToBlocks, type AnalyzedSection } from '../../../src/lib/structure/analyze.ts';
import { ImportError } from '../../../src/lib/import/decode-text.ts';
import { readDocxParagraphs } from '../../../src/lib/import/docx-paragraphs.ts';
import { parseFrontmatter } from '../../../src/lib/frontmatter.ts';
import { importReport, normalizeForLosslessCheck } from '../../../src/lib/import/import-report.ts';
import { readMarkdownBlocks } from '../../../src/lib/structure/markdown-blocks.ts';
import { defaultKinds } from '../../../src/lib/site-config.ts';
import { validateReports } from '../../../src/lib/validate-reports.ts';
import { renderMdxText, renderMdxTextWithMdxJs } from './import-mdx-text.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared');
const seedFile = path.join(shared, 'seeds/000_b79b53dc5c4bd550.txt');
const seedText = readFileSync(seedFile, 'utf8');
const corpusDirs = ['corpus/gov-work-reports', 'corpus/hailar-district-gov-work-reports'].map((dir) => path.join(shared, dir));
const corpusFiles = corpusDirs.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(dir, name)));
const corpus = (relative: string) => readFileSync(path.join(shared, 'corpus', relative), 'utf8');
const bodyOf = (mdx: string) => parseFrontmatter(mdx).body.replace(/^\n/, '');
const seedImport = importReport({ text: seedText, fileName: '000_b79b53dc5c4bd550.txt', overrides: { unit: '市社科联' } });

describe('importReport on the seed report', () => {
  const lines = seedImport.mdx.split('\n');

  it('makes the three parts ## headings, （一） ### and 1. #### headings', () => {
    expect(lines.filter((line) => line.startsWith('## '))).toEqual(['## 一、履职情况', '## 二、主要问题', '## 三、下步打算']);
    expect(lines).toContain('### （一）加强党的建设，纵深推进全面从严治党');
    expect(lines.filter((line) => line.startsWith('### '))).toHaveLength(9);
    expect(lines.filter((line) => line.startsWith('#### '))).toHaveLength(10);
  });

  it('splits the heading sentence of "1.强化政治意识，…。一是…" into its own heading', () => {
    const at = lines.indexOf('#### 1.强化政治意识，持续抓好理论学习。');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('');
    expect(lines[at + 2]).toMatch(/^一是深化政治机关意识教育，围绕提升政治能力开展培训。/);
  });

  it('reads the frontmatter it can: the year from the opening "2021年，…", the kind from 履职情况', () => {
    expect(seedImport.frontmatter).toEqual({ title: '2021年市社科联述职报告', year: 2021, unit: '市社科联', kind: '述职报告', tags: [], confidentiality: 'internal' });
    expect(seedImport.warnings).toEqual([]);
    expect(seedImport.summary.sections.map((s) => `${s.title}:${s.role}`)).toEqual(['一、履职情况:review', '二、主要问题:problems', '三、下步打算:plans']);
    expect(seedImport.summary.commitments).toBeGreaterThan(0);
  });

  it('matches the reviewed fixture', async () => {
    await expect(seedImport.mdx).toMatchFileSnapshot('../../fixtures/import-seed/expected.mdx');
  });

  it('gives the same file from the Word version whose numbers are automatic', async () => {
    const paragraphs = await readDocxParagraphs(readFileSync(path.join(shared, 'seeds/000_b79b53dc5c4bd550.auto-numbering.docx')));
    const fromDocx = importReport({ paragraphs, fileName: '000_b79b53dc5c4bd550.auto-numbering.docx', overrides: { unit: '市社科联' } });
    expect(fromDocx.mdx).toBe(seedImport.mdx);
  });
});

describe('importReport is lossless', () => {
  const sectionsOf = (sections: AnalyzedSection[]): string[] =>
    sections.flatMap((s) => [`${s.id} ${s.level} ${s.role} ${normalizeForLosslessCheck(s.title)}`, ...sectionsOf(s.children)]);

  it('keeps every character of the seed and of all 61 corpus reports in both MDX compilers, renders no MDX code, and writes valid frontmatter', () => {
    expect(corpusFiles).toHaveLength(61);
    const problems: string[] = [];
    for (const file of [seedFile, ...corpusFiles]) {
      const source = readFileSync(file, 'utf8');
      const { mdx } = importReport({ text: source, fileName: path.basename(file), overrides: { unit: '测试单位' } });
      const rendered = renderMdxText(bodyOf(mdx));
      if (normalizeForLosslessCheck(rendered.text) !== normalizeForLosslessCheck(source)) problems.push(`${file}: text differs (Sätteri)`);
      if (normalizeForLosslessCheck(renderMdxTextWithMdxJs(bodyOf(mdx))) !== normalizeForLosslessCheck(source)) problems.push(`${file}: text differs (@mdx-js/mdx)`);
      if (rendered.mdxNodes.length > 0) problems.push(`${file}: ${rendered.mdxNodes.join(', ')}`);
      const validation = validateReports([{ path: file, text: mdx }], defaultKinds);
      problems.push(...validation.problems.map((p) => `${file}: ${p.field} ${p.message}`));
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('keeps the structure: the imported MDX analyses like its source (outline, roles, commitments, metrics)', () => {
    const differences: string[] = [];
    for (const file of [seedFile, ...corpusFiles]) {
      const source = readFileSync(file, 'utf8');
      const { mdx } = importReport({ text: source, fileName: path.basename(file), overrides: { unit: '测试单位' } });
      const before = analyzeReport({ blocks: textToBlocks(source), title: 't', year: 2000 });
      const after = analyzeReport({ blocks: readMarkdownBlocks(bodyOf(mdx), { mdx: true }), title: 't', year: 2000 });
      const summary = (a: typeof before) => [sectionsOf(a.sections), a.commitments.length, a.metrics.length];
      if (JSON.stringify(summary(before)) !== JSON.stringify(summary(after))) differences.push(path.basename(file));
    }
    expect(differences).toEqual([]);
  }, 60_000);

  it('needs its escaping on this corpus: unescaped, "--", straight quotes and "----" would change', () => {
    for (const [relative, marker] of [['gov-work-reports/2011.txt', '--我们要'], ['gov-work-reports/2010.txt', '"三河三湖"'], ['hailar-district-gov-work-reports/2012.txt', '----2012年']] as const) {
      const source = corpus(relative);
      expect(source).toContain(marker);
      const unescaped = textToBlocks(source).map((b) => b.text.trim()).join('\n\n');
      expect(normalizeForLosslessCheck(renderMdxText(unescaped).text)).not.toBe(normalizeForLosslessCheck(source));
      const { mdx } = importReport({ text: source, fileName: relative, overrides: { unit: '测试单位' } });
      expect(renderMdxText(bodyOf(mdx)).text).toContain(marker);
    }
  });
});

describe('importReport frontmatter', () => {
  it('reads a 海拉尔区 report: title block, date line and speaker', () => {
    const { frontmatter, warnings } = importReport({ text: corpus('hailar-district-gov-work-reports/2018.txt'), fileName: '2018.txt' });
    expect(frontmatter).toEqual({
      title: '2018年海拉尔区政府工作报告', year: 2018, unit: '海拉尔区人民政府', author: '区长 杨国宏', kind: '政府工作报告',
      date: '2018-03-07', tags: [], confidentiality: 'internal',
    });
    expect(warnings).toEqual([]);
  });

  it('reads the 海拉尔区 2017 report, which has no title line and a single dash before its date', () => {
    const { frontmatter } = importReport({ text: corpus('hailar-district-gov-work-reports/2017.txt'), fileName: 'report.txt' });
    expect(frontmatter).toMatchObject({ title: '2017年海拉尔区政府工作报告', year: 2017, unit: '海拉尔区人民政府', author: '代区长 杨国宏', date: '2017-02-11' });
  });

  it('reads a national report with a title block', () => {
    const { frontmatter } = importReport({ text: corpus('gov-work-reports/2024.txt'), fileName: '2024.txt' });
    expect(frontmatter).toEqual({
      title: '2024年政府工作报告', year: 2024, unit: '国务院', author: '总理 李强', kind: '政府工作报告', date: '2024-03-05',
      tags: [], confidentiality: 'internal',
    });
  });

  it('reads a national report that starts with 各位代表 from its salutation and file name', () => {
    const { frontmatter } = importReport({ text: corpus('gov-work-reports/2019.txt'), fileName: '2019.txt' });
    expect(frontmatter).toEqual({ title: '2019年政府工作报告', year: 2019, unit: '国务院', kind: '政府工作报告', tags: [], confidentiality: 'internal' });
  });

  it('lets the command line win over the text', () => {
    const overrides = { unit: '国务院办公厅', kind: '工作总结', year: 2020, title: '自定标题', confidentiality: 'public' as const };
    const { frontmatter } = importReport({ text: corpus('gov-work-reports/2024.txt'), fileName: '2024.txt', overrides });
    expect(frontmatter).toMatchObject(overrides);
  });
});

describe('importReport on unusual input', () => {
  it('asks for --unit and --year when the text does not say them', () => {
    expect(() => importReport({ text: seedText, fileName: 'a.txt' })).toThrow(/--unit/);
    expect(() => importReport({ text: '一、工作回顾\n做了很多工作。', fileName: 'a.txt', overrides: { unit: 'u' } })).toThrow(ImportError);
    expect(() => importReport({ text: '一、工作回顾\n做了很多工作。', fileName: 'a.txt', overrides: { unit: 'u' } })).toThrow(/--year/);
  });

  it('takes a 述职报告\'s year from its opening, not from the later date it was delivered, and warns about a year found deeper in the text', () => {
    const text = '述职报告\n（2022年1月14日）\n2021年，我认真履行职责。\n一、履职情况\n做了工作。';
    expect(importReport({ text, fileName: 'a.txt', overrides: { unit: 'u' } }).frontmatter).toMatchObject({ year: 2021, date: '2022-01-14', kind: '述职报告', title: '2021年u述职报告' });
    const deeper = importReport({ text: '一、工作回顾\n今年完成了2019年定下的任务。', fileName: 'a.txt', overrides: { unit: 'u' } });
    expect(deeper.frontmatter.year).toBe(2019);
    expect(deeper.warnings).toContain('年份 2019 取自正文中最先出现的年份，请核对（可用 --year 指定）');
  });

  it('says when it found no numbered headings or no kind', () => {
    const { warnings, mdx, frontmatter } = importReport({ text: '甲。\n乙。', fileName: '2020.txt', overrides: { unit: 'u' } });
    expect(frontmatter.kind).toBe('其他');
    expect(warnings).toEqual(['未能判断报告类型，已设为“其他”（可用 --kind 指定）', '未识别出编号标题（一、（一）1. 等），正文全部作为段落导入']);
    expect(bodyOf(mdx)).toBe('甲。\n\n乙。\n');
  });

  it('imports Markdown blocks, taking the file\'s own frontmatter as defaults', () => {
    const blocks = readMarkdownBlocks('## 一、工作回顾\n\n做了**很多**工作，\n增长--5%。\n\n## 二、下步打算\n\n继续努力。\n', { mdx: false });
    const report = importReport({ blocks, fileName: 'x.md', defaults: { unit: '市社科联', year: 2022, kind: '工作总结' } });
    expect(bodyOf(report.mdx)).toBe('## 一、工作回顾\n\n做了很多工作，增长\\-\\-5%。\n\n## 二、下步打算\n\n继续努力。\n');
    expect(report.frontmatter).toMatchObject({ title: '2022年市社科联工作总结', unit: '市社科联', year: 2022, kind: '工作总结' });
  });

  it('puts levels below 1. under #####, and escapes heading and body text', () => {
    const text = ['一、总体要求', '（一）主要目标', '1.经济目标。增长{6%}左右，今年--继续"稳中求进"。', '（1）增长', '（2）就业', '各位代表：'].join('\n');
    const body = bodyOf(importReport({ text, fileName: '2024.txt', overrides: { unit: 'u' } }).mdx);
    expect(body.split('\n\n')).toEqual([
      '## 一、总体要求', '### （一）主要目标', '#### 1.经济目标。', '增长\\{6%\\}左右，今年\\-\\-继续\\"稳中求进\\"。', '##### （1）增长', '##### （2）就业', '各位代表：\n',
    ]);
    expect(normalizeForLosslessCheck(renderMdxText(body).text)).toBe(normalizeForLosslessCheck(text));
  });
});
