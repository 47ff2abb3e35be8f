import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../../src/lib/structure/analyze.ts';
import { extractCommitments } from '../../../src/lib/structure/commitments.ts';
import { parseOutline } from '../../../src/lib/structure/outline.ts';
import { assignSectionRoles } from '../../../src/lib/structure/section-roles.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const shared = path.resolve(import.meta.dirname, '../../../../shared');
const corpus = path.join(shared, 'corpus');

function commitmentsOf(text: string) {
  const blocks = textToBlocks(text);
  const outline = parseOutline(blocks);
  return { blocks, commitments: extractCommitments(outline, assignSectionRoles(outline)) };
}

describe('extractCommitments fixtures', () => {
  const dirs = fs.readdirSync(fixtures).filter((d) => d.startsWith('commitments-'));
  it.each(dirs)('%s', (dir) => {
    const input = fs.readFileSync(path.join(fixtures, dir, 'input.txt'), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, dir, 'expected.json'), 'utf8'));
    const actual = commitmentsOf(input).commitments.map(({ id, form, kind, text, sectionPath, ordinal }) => ({ id, form, kind, text, sectionPath, ordinal }));
    expect(actual).toEqual(expected);
  });
});

describe('the seed', () => {
  const { blocks, commitments } = commitmentsOf(fs.readFileSync(path.join(shared, 'seeds/000_b79b53dc5c4bd550.txt'), 'utf8'));

  it('has exactly the nine 一是/二是/三是 items of 三、下步打算', () => {
    expect(commitments.map((c) => [c.id, [...c.text].slice(0, 8).join('')])).toEqual([
      ['c-3-1-e1', '不断强化思想理论'],
      ['c-3-1-e2', '牢牢把握意识形态'],
      ['c-3-1-e3', '坚持把政治纪律和'],
      ['c-3-2-e1', '压实机关党建主体'],
      ['c-3-2-e2', '积极探索支部工作'],
      ['c-3-2-e3', '探索学会党建工作'],
      ['c-3-3-e1', '以制度建设为保障'],
      ['c-3-3-e2', '扎实开展联动共建'],
      ['c-3-3-e3', '紧紧抓住落实全面'],
    ]);
    expect(commitments.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('ends an item where the next begins and keeps the last sentence with the last item', () => {
    expect(commitments[0]!.text).toMatch(/^不断强化思想理论武装，.*政治执行力。$/);
    expect(commitments[8]!.text).toMatch(/形成“头雁效应”。$/);
    expect(commitments[3]!.sectionPath).toEqual(['三、下步打算', '（二）着眼“组织建设”、狠抓“工作创新”，不断夯实党建基础。']);
  });

  it('points each item at the 一是/二是 marker in its source line', () => {
    for (const c of commitments) {
      expect(blocks[c.blockIndex]!.text.slice(c.offset)).toMatch(/^[一二三]是/);
    }
  });
});

describe('the corpus', () => {
  const read = (file: string) => commitmentsOf(fs.readFileSync(path.join(corpus, file), 'utf8')).commitments;

  it('splits each paragraph under （一）… of the 2024 政府工作任务 into its sentences', () => {
    const commitments = read('gov-work-reports/2024.txt');
    const byId = new Map(commitments.map((c) => [c.id, c]));
    expect(byId.get('c-3-1-p2-s1')!.text).toBe('推动产业链供应链优化升级。');
    expect(byId.get('c-3-1-p2-s2')!.text).toMatch(/^保持工业经济平稳运行/);
    expect(byId.get('c-3-1-p2-s1')!.sectionPath).toEqual(['三、2024年政府工作任务', '（一）大力推进现代化产业体系建设，加快发展新质生产力。']);
    expect(byId.get('c-3-10-p2-s1')!.text).toBe('多措并举稳就业促增收。');
    expect(commitments.every((c) => c.id.startsWith('c-3-1-p2') || !c.text.startsWith('推动产业链供应链优化升级'))).toBe(true);
  });

  it('makes one target per indicator of the 2024 主要预期目标, with its figure', () => {
    const targets = read('gov-work-reports/2024.txt').filter((c) => c.form === 'indicator');
    expect(targets.map((c) => c.text)).toEqual([
      '国内生产总值增长5%左右', '城镇新增就业1200万人以上', '城镇调查失业率5.5%左右', '居民消费价格涨幅3%左右',
      '居民收入增长和经济增长同步', '国际收支保持基本平衡', '粮食产量1.3万亿斤以上', '单位国内生产总值能耗降低2.5%左右',
      '生态环境质量持续改善',
    ]);
    expect(targets.every((c) => c.kind === 'target' && /^c-2-p\d+-t\d+$/.test(c.id))).toBe(true);
    expect(targets[0]!.metrics).toMatchObject([{ label: '国内生产总值增长', value: 5, unit: '%', qualifier: '左右' }]);
    // The list's intro is no promise of its own.
    expect(read('gov-work-reports/2024.txt').some((c) => c.text.includes('今年发展主要预期目标是'))).toBe(false);
  });

  it('takes the stance paragraphs before the numbered tasks ("要…"), not their context or lead-in', () => {
    // National 2011 and 2023: a part with sub-sections, whose intro says how policy is to be run.
    expect(read('gov-work-reports/2011.txt').find((c) => c.id === 'c-3-p5')?.text).toMatch(/^实现上述目标，要保持宏观经济政策的连续性/);
    const c2023 = read('gov-work-reports/2023.txt');
    expect(c2023.some((c) => c.text.startsWith('要坚持稳字当头、稳中求进'))).toBe(true);
    expect(c2023.some((c) => c.text === '积极的财政政策要加力提效。')).toBe(true);
    expect(c2023.some((c) => /^当前我国新冠疫情防控已进入.*要在对疫情防控工作进行全面科学总结的基础上/.test(c.text))).toBe(true);
    // Context, and the lead-in to the sub-sections, are no promises.
    expect(c2023.some((c) => c.text.includes('今年是政府换届之年') || c.text.includes('下面简述几项重点'))).toBe(false);
    expect(read('hailar-district-gov-work-reports/2012.txt').some((c) => c.text.includes('要重点抓好以下十方面工作'))).toBe(false);
  });

  it('takes the promises after the last numbered task (政府自身建设, 国防, 外交), not the rallying call', () => {
    const closing = read('gov-work-reports/2024.txt').filter((c) => c.sectionId === 'end');
    expect(closing.length).toBeGreaterThan(5);
    expect(closing.every((c) => /^c-end-p\d+(-s\d+)?$/.test(c.id) && c.sectionPath[0] === '结尾部分')).toBe(true);
    expect(closing.some((c) => c.text.includes('国防'))).toBe(true);
    expect(closing.some((c) => c.text.includes('和平外交政策'))).toBe(true);
    expect(closing.some((c) => c.text.includes('使命重在担当') || /^各位代表/.test(c.text))).toBe(false);
    // "过去一年，国防和军队建设取得新的成绩和进步": a look back, not a promise.
    expect(closing.some((c) => c.text.startsWith('过去一年'))).toBe(false);
  });

  it('splits 一要/二要/三要 items (海拉尔 2013) into their title-like lead and the tasks after it, and takes nothing from the review', () => {
    const commitments = read('hailar-district-gov-work-reports/2013.txt');
    expect(commitments.filter((c) => /^c-2-4-e\d$/.test(c.id)).map((c) => c.text)).toEqual([
      '转变作风提高执行力。',
      '依法行政提升公信力。',
      '廉洁从政强化约束力。',
    ]);
    expect(commitments.find((c) => c.id === 'c-2-4-e1-s1')!.text).toMatch(/^严格执行中央关于改进工作作风/);
    expect(commitments.every((c) => c.sectionId.startsWith('2'))).toBe(true);
  });

  const hailar = fs.readdirSync(path.join(corpus, 'hailar-district-gov-work-reports')).filter((f) => f.endsWith('.txt'));
  it.each(hailar)('海拉尔 %s has at least ten commitments, all with unique ids', (file) => {
    const commitments = read(`hailar-district-gov-work-reports/${file}`);
    expect(commitments.length).toBeGreaterThanOrEqual(10);
    expect(new Set(commitments.map((c) => c.id)).size).toBe(commitments.length);
    expect(commitments.every((c) => c.text.trim() !== '' && !/^各位代表/.test(c.text))).toBe(true);
  });
});
