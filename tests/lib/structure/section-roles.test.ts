import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../../src/lib/structure/analyze.ts';
import { parseOutline } from '../../../src/lib/structure/outline.ts';
import {
  assignSectionRoles,
  classifySectionRole,
  defaultRoleKeywords,
  stripTitleNoise,
} from '../../../src/lib/structure/section-roles.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const shared = path.resolve(import.meta.dirname, '../../../../shared');
const seed = fs.readFileSync(path.join(shared, 'seeds/000_b79b53dc5c4bd550.txt'), 'utf8');

const outlineOf = (text: string) => parseOutline(textToBlocks(text));

describe('classifySectionRole', () => {
  it.each([
    ['一、履职情况', 'review'],
    ['一、2018年工作回顾', 'review'],
    ['一、过去一年和五年工作回顾', 'review'],
    ['一、关于过去五年的政府工作', 'review'],
    ['二、主要问题', 'problems'],
    ['二、存在的问题和不足', 'problems'],
    ['三、下步打算', 'plans'],
    ['三、2022年工作计划', 'plans'],
    ['二、2019年经济社会发展总体要求和政策取向', 'plans'],
    ['三、2019年政府工作任务', 'plans'],
    ['二、对今年政府工作的建议', 'plans'],
    ['二、关于1 9 9 8 年政府工作的建议', 'plans'],
    ['三、2011年的工作', 'plans'],
    // Two roles in one title: the first named wins, but problems + plans keeps the promises.
    ['一、1998年工作回顾和1999年工作的总体要求', 'review'],
    ['三、存在的问题及下一步打算', 'plans'],
    ['三、加强政府自身建设', 'other'],
    ['七、关于外交工作', 'other'],
  ])('%s → %s', (title, role) => {
    expect(classifySectionRole(title)).toBe(role);
  });

  it('strips numbering and years before matching', () => {
    expect(stripTitleNoise('一、2018年工作回顾')).toBe('工作回顾');
    expect(stripTitleNoise('二、关于1 9 9 8 年政府工作的建议')).toBe('关于政府工作的建议');
    expect(stripTitleNoise('一、１９５５年国家决算')).toBe('国家决算');
  });

  it('accepts custom keywords', () => {
    const keywords = { ...defaultRoleKeywords, plans: ['明年设想'] };
    expect(classifySectionRole('三、明年设想', keywords)).toBe('plans');
    expect(classifySectionRole('三、下步打算', keywords)).toBe('other');
  });
});

describe('assignSectionRoles', () => {
  it('gives the seed review / problems / plans, inherited by children', () => {
    const outline = outlineOf(seed);
    const roles = assignSectionRoles(outline);
    expect(outline.sections.map((s) => roles[s.id])).toEqual(['review', 'problems', 'plans']);
    expect(roles['1.2.3']).toBe('review');
    expect(roles['2.4']).toBe('problems');
    expect(roles['3.2']).toBe('plans');
  });

  it('applies overrides by section id or by heading text', () => {
    const outline = outlineOf(seed);
    expect(assignSectionRoles(outline, { overrides: { '2': 'other' } })['2.1']).toBe('other');
    expect(assignSectionRoles(outline, { overrides: { '二、主要问题': 'review' } })['2']).toBe('review');
    expect(assignSectionRoles(outline, { overrides: { 主要问题: 'plans' } })['2.3']).toBe('plans');
  });

  it('reads a directive part by its position: task after the review, achievement before the plans', () => {
    const report = (titles: string[]) => {
      const outline = outlineOf(titles.join('\n'));
      const roles = assignSectionRoles(outline);
      return outline.sections.map((s) => roles[s.id]);
    };
    // 海拉尔 2019: what the government will do.
    expect(report(['一、2018年工作回顾', '二、2019年工作安排', '三、加强政府自身建设'])).toEqual(['review', 'plans', 'plans']);
    // A 述职报告 that lists its achievements as directives before 存在问题 and 下一步打算.
    expect(report(['一、坚持政治引领，筑牢思想根基', '二、强化责任担当', '三、存在的不足', '四、下一步打算'])).toEqual([
      'review', 'review', 'problems', 'plans',
    ]);
    // 2021: a part reviewing “十三五” and setting “十四五” targets after the yearly review looks forward.
    expect(report(['一、2020年工作回顾', '二、“十三五”时期发展成就和“十四五”时期主要目标任务', '三、2021年重点工作'])).toEqual([
      'review', 'plans', 'plans',
    ]);
  });

  it('lets children of a mixed part keep their own role', () => {
    const outline = outlineOf(['三、存在问题和下一步打算', '（一）存在问题', '学习不够深入。', '（二）下一步打算', '加强学习。'].join('\n'));
    const roles = assignSectionRoles(outline);
    expect([roles['1'], roles['1.1'], roles['1.2']]).toEqual(['plans', 'problems', 'plans']);
  });
});

describe('roles of every top-level heading in the corpus', () => {
  const dir = path.join(fixtures, 'roles-corpus');
  const files = fs.readFileSync(path.join(dir, 'input.txt'), 'utf8').split('\n').filter(Boolean);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, [string, string][]>;

  it('covers all 61 corpus files', () => {
    expect(files).toHaveLength(61);
    expect(Object.keys(expected)).toEqual(files);
  });

  it.each(files)('%s', (file) => {
    const outline = outlineOf(fs.readFileSync(path.join(shared, 'corpus', file), 'utf8'));
    const roles = assignSectionRoles(outline);
    expect(outline.sections.map((s) => [s.title, roles[s.id]])).toEqual(expected[file]);
  });
});

describe('role keywords from the site config', () => {
  it('adds an archive’s own keywords before the built-in ones', async () => {
    const { mergeRoleKeywords, classifySectionRole } = await import('../../../src/lib/structure/section-roles.ts');
    expect(classifySectionRole('三、明年的几点考虑')).toBe('other');
    expect(classifySectionRole('三、明年的几点考虑', mergeRoleKeywords({ plans: ['几点考虑'] }))).toBe('plans');
  });
});
