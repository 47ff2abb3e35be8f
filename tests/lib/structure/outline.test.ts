import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../../src/lib/structure/analyze.ts';
import {
  flattenOutline,
  matchNumbering,
  parseOutline,
  splitHeadingSentence,
  type OutlineSection,
} from '../../../src/lib/structure/outline.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const shared = path.resolve(import.meta.dirname, '../../../../shared');
const seedPath = path.join(shared, 'seeds/000_b79b53dc5c4bd550.txt');
const corpus = path.join(shared, 'corpus/gov-work-reports');

function project(section: OutlineSection): unknown {
  const { id, title, marker, style, ordinal, level, blockIndex, body, children } = section;
  return { id, title, marker, style, ordinal, level, blockIndex, body, children: children.map(project) };
}

describe('matchNumbering', () => {
  it.each([
    ['第一部分　主要工作', 'part', 1, '第一部分', '主要工作'],
    ['第3章 附则', 'chapter', 3, '第3章', '附则'],
    ['一、履职情况', 'cn', 1, '一、', '履职情况'],
    ['十一、关于国防建设', 'cn', 11, '十一、', '关于国防建设'],
    ['二十．加强自身建设', 'cn', 20, '二十．', '加强自身建设'],
    ['三.加强政府自身建设', 'cn', 3, '三.', '加强政府自身建设'],
    ['　　（一）加强党的建设', 'cn-paren', 1, '（一）', '加强党的建设'],
    ['(二)产业培育', 'cn-paren', 2, '(二)', '产业培育'],
    ['（三)混合括号', 'cn-paren', 3, '（三)', '混合括号'],
    ['1.强化政治意识', 'arabic', 1, '1.', '强化政治意识'],
    ['2、严格阵地管控', 'arabic', 2, '2、', '严格阵地管控'],
    ['１２．全角数字', 'arabic', 12, '１２．', '全角数字'],
    ['（1）行政审批', 'arabic-paren', 1, '（1）', '行政审批'],
    ['(10)第十项', 'arabic-paren', 10, '(10)', '第十项'],
    ['⑳最后一项', 'circled', 20, '⑳', '最后一项'],
    ['①地区生产总值', 'circled', 1, '①', '地区生产总值'],
    ['一、', 'cn', 1, '一、', ''],
  ])('%s → %s %i', (text, style, ordinal, marker, rest) => {
    expect(matchNumbering(text)).toEqual({ style, ordinal, marker, rest });
  });

  it.each([
    '1.5万元的专项经费', '2021年，在市委的坚强领导下', '10月22日，市委常委会', '一是深化政治机关意识教育',
    '一方面要加强学习', '一、二季度经济运行平稳', '一、二、三产业协调发展', '三、四月份雨水偏多', '一年来，我们坚持',
    '2、3月份完成', '十三五时期', '第一部分是本年度的重点', '第三章的规定另行制定', '第一条　为规范', '一一、重复',
    '（十一五）', '各位代表：', '1 9 9 8 年', '2021.10.22',
  ])('not numbering: %s', (text) => {
    expect(matchNumbering(text)).toBeNull();
  });
});

describe('splitHeadingSentence', () => {
  it('splits at the first sentence end', () => {
    expect(splitHeadingSentence('强化政治意识，持续抓好理论学习。一是深化政治机关意识教育。')).toEqual({
      heading: '强化政治意识，持续抓好理论学习。',
      rest: '一是深化政治机关意识教育。',
    });
  });
  it('keeps a line without sentence end whole', () => {
    expect(splitHeadingSentence('  加强党的建设，纵深推进全面从严治党 ')).toEqual({ heading: '加强党的建设，纵深推进全面从严治党', rest: '' });
  });
});

describe('parseOutline fixtures', () => {
  const dirs = fs.readdirSync(fixtures).filter((d) => d.startsWith('outline-') && fs.existsSync(path.join(fixtures, d, 'input.txt')));
  it('has one fixture per numbering style and per sequence rule', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(11);
  });
  it.each(dirs)('%s', (dir) => {
    const input = fs.readFileSync(path.join(fixtures, dir, 'input.txt'), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, dir, 'expected.json'), 'utf8'));
    const outline = parseOutline(textToBlocks(input));
    expect({ preamble: outline.preamble, sections: outline.sections.map(project), closing: outline.closing }).toEqual(expected);
  });
});

describe('parseOutline on the seed', () => {
  const blocks = textToBlocks(fs.readFileSync(seedPath, 'utf8'));
  const outline = parseOutline(blocks);
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'seed-outline/expected.json'), 'utf8'));

  it('finds the heading tree with ids, titles and body counts', () => {
    expect(flattenOutline(outline).map((s) => [s.id, s.title, s.body.length])).toEqual(expected);
  });

  it('splits a heading sentence from the body on the same line', () => {
    const first = outline.sections[0]!.children[0]!.children[0]!;
    expect(first.title).toBe('1.强化政治意识，持续抓好理论学习。');
    expect(first.body[0]).toMatch(/^一是深化政治机关意识教育/);
    const ref = first.bodyRefs[0]!;
    expect(blocks[ref.blockIndex]!.text.slice(ref.offset)).toBe(first.body[0]);
  });

  it('keeps the opening paragraph as preamble and the 下步打算 intro as body', () => {
    expect(outline.preamble).toHaveLength(1);
    expect(outline.preamble[0]).toMatch(/^2021年，在市委的坚强领导下/);
    expect(outline.sections[2]!.body[0]).toMatch(/^2022年，我将认真贯彻落实市委决策部署/);
    expect(outline.closing).toEqual([]);
  });
});

describe('parseOutline on the corpus', () => {
  it('keeps （四） a sibling of （二） when （三） is missing (2007)', () => {
    const outline = parseOutline(textToBlocks(fs.readFileSync(path.join(corpus, '2007.txt'), 'utf8')));
    const part3 = outline.sections[2]!;
    expect(part3.title).toBe('三、促进经济又好又快发展');
    expect(part3.children.map((c) => [c.id, c.marker, c.level])).toEqual([
      ['3.1', '（一）', 2],
      ['3.2', '（二）', 2],
      ['3.3', '（四）', 2],
      ['3.4', '（五）', 2],
    ]);
    // The paragraphs of the missing （三） stay in （二）'s body rather than being lost.
    expect(part3.children[1]!.body.some((p) => p.includes('节能'))).toBe(true);
  });

  it('nests the ten tasks of 1981 under （二）, its first-appearing style on top', () => {
    const outline = parseOutline(textToBlocks(fs.readFileSync(path.join(corpus, '1981.txt'), 'utf8')));
    expect(outline.sections.map((s) => s.marker)).toEqual(['（一）', '（二）', '（三）']);
    expect(outline.sections[1]!.children.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads headings from Markdown blocks: depth first, then numbering', () => {
    const outline = parseOutline([
      { text: '前言', heading: true, depth: 2 },
      { text: '一、工作回顾', heading: true, depth: 2 },
      { text: '一、这是段落，不是标题', heading: false },
      { text: '（一）党建工作', heading: true, depth: 3 },
      { text: '附件', heading: true, depth: 2 },
    ]);
    expect(flattenOutline(outline).map((s) => [s.id, s.title, s.style, s.level])).toEqual([
      ['1', '前言', null, 1],
      ['2', '一、工作回顾', 'cn', 1],
      ['2.1', '（一）党建工作', 'cn-paren', 2],
      ['3', '附件', null, 1],
    ]);
    expect(outline.sections[1]!.body).toEqual(['一、这是段落，不是标题']);
  });

  it('still nests numbered headings that an author put at one Markdown depth', () => {
    const outline = parseOutline([
      { text: '一、工作回顾', heading: true, depth: 2 },
      { text: '（一）党建工作', heading: true, depth: 2 },
      { text: '（二）业务工作', heading: true, depth: 2 },
      { text: '二、下步打算', heading: true, depth: 2 },
    ]);
    expect(flattenOutline(outline).map((s) => s.id)).toEqual(['1', '1.1', '1.2', '2']);
  });
});
