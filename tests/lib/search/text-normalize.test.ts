import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStandaloneChar, normalizeText, normalizeWithMap } from '../../../src/lib/search/text-normalize.ts';

const shared = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared', file), 'utf8');
const report = (year: string) => shared(`corpus/gov-work-reports/${year}.txt`);
const seed = shared('seeds/000_b79b53dc5c4bd550.txt');

/** The source text behind a stretch of normalised text. */
function sourceOf(source: string, found: string): string {
  const { text, map } = normalizeWithMap(source);
  const at = text.indexOf(found);
  expect(at, `"${found}" in the normalised text`).toBeGreaterThanOrEqual(0);
  const last = map[at + found.length - 1] ?? 0;
  return source.slice(map[at], last + String.fromCodePoint(source.codePointAt(last) ?? 0).length);
}

describe('normalizeText', () => {
  it('collapses the typeset digits of the 1998 report', () => {
    const text = normalizeText(report('1998'));
    expect(text).toContain('本届政府从1993年3月就职');
    expect(text).toContain('国内生产总值达到74772亿元');
    expect(text).toContain('去年经济增长8.8%，商品零售价格涨幅为0.8%');
    expect(text).not.toMatch(/[0-9] [0-9]/);
  });

  it('turns full-width digits and signs into ASCII but keeps Chinese punctuation', () => {
    const text = normalizeText(report('1993'));
    expect(text).toContain('1992年国民生产总值接近24000亿元');
    expect(text).not.toMatch(/[０-９]/);
    expect(text).toContain('，');
    expect(text).toContain('：');
    expect(normalizeText('增长１５．３％（初步核算）；ＧＤＰ！')).toBe('增长15.3%（初步核算）；gdp！');
  });

  it('makes the traditional 1954 report readable with simplified words', () => {
    const text = normalizeText(report('1954'));
    expect(text).toContain('中华人民共和国宪法');
    expect(text).toContain('第一个五年计划');
    expect(text).toContain('文教、卫生和社会福利'); // 衞 (a Hong Kong form) and 敎
    expect(text).toContain('企业和工会所举办的福利'); // 擧, a variant OpenCC leaves alone
    expect(text.split('国家').length - 1).toBe(report('1954').split('國家').length - 1);
    expect(text).not.toMatch(/[們國會議關於憲擧衞]/);
  });

  it('leaves simplified text alone apart from case and spacing', () => {
    for (const line of seed.split('\n').filter(Boolean)) {
      expect(normalizeText(line)).toBe(line.toLowerCase());
    }
    expect(normalizeText(seed, { keepCase: true })).toContain('在XXX党组成员的大力支持');
  });

  it('keeps one space between Latin words and numbers, none next to CJK', () => {
    expect(normalizeText('  Hello \n  World 在 2021 年 10 20 ')).toBe('hello world在2021年10 20');
    expect(normalizeText('细颗粒物（PM2.5）平均浓度')).toBe('细颗粒物（pm2.5）平均浓度');
  });

  it('removes zero-width characters and reads ○ as the numeral 〇', () => {
    expect(normalizeText('三\u200B会\u200C一\u200D课\u2060\uFEFF')).toBe('三会一课');
    expect(normalizeText('二○○三年')).toBe('二〇〇三年');
  });

  it('is idempotent on real text', () => {
    for (const year of ['1954', '1993', '1998']) {
      const once = normalizeText(report(year));
      expect(normalizeText(once)).toBe(once);
    }
  });
});

describe('normalizeWithMap', () => {
  it('points a normalised match back to the characters of the source', () => {
    expect(sourceOf(report('1998'), '1993年3月')).toBe('1 9 9 3 年3 月');
    expect(sourceOf(report('1993'), '24000亿元')).toBe('２４０００亿元');
    expect(sourceOf(report('1954'), '中华人民共和国宪法')).toBe('中華人民共和國憲法');
  });

  it('has one source index per output code unit, in order', () => {
    const source = report('1998');
    const { text, map } = normalizeWithMap(source);
    expect(map).toHaveLength(text.length);
    expect(map.every((index, i) => i === 0 || index >= (map[i - 1] ?? 0))).toBe(true);
    expect(map.at(-1)).toBeLessThan(source.length);
  });
});

describe('isStandaloneChar', () => {
  it('tells CJK characters, marks and symbols from Latin letters and digits', () => {
    expect([...'三，。“《〇%×'].every(isStandaloneChar)).toBe(true);
    expect([...'aZ9ī_'].some(isStandaloneChar)).toBe(false);
  });
});

describe('the shortcut for text that is already normal', () => {
  // A trailing space is always dropped but sends the text through the character loop: both ways must agree.
  const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus');
  const lines = ['gov-work-reports/1957.txt', 'gov-work-reports/2024.txt', 'hailar-district-gov-work-reports/2016.txt']
    .flatMap((file) => fs.readFileSync(path.join(corpus, file), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '');

  it('gives what the character loop gives, on every line of three corpus reports', () => {
    let unchanged = 0;
    for (const line of lines) {
      for (const keepCase of [false, true]) {
        expect(normalizeText(line, { keepCase }), line).toBe(normalizeText(`${line} `, { keepCase }));
        expect(normalizeWithMap(line, { keepCase }), line).toEqual(normalizeWithMap(`${line} `, { keepCase }));
      }
      if (normalizeText(line) === line) unchanged++;
    }
    // Most lines of a modern report need no change at all, which is what the shortcut is for.
    expect(unchanged).toBeGreaterThan(lines.length / 3);
  });

  it('still maps what needs mapping: traditional, full-width, upper case, zero-width', () => {
    expect(normalizeText('衞生ＧＤＰ１５．３％\u200B')).toBe('卫生gdp15.3%');
    expect(normalizeText('GDP', { keepCase: true })).toBe('GDP');
    expect(normalizeText('二○○三年')).toBe('二〇〇三年');
  });
});
