import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanSearchExcerpt,
  cleanSearchText,
  countOccurrences,
  excerptText,
  findOccurrences,
  highlightTerms,
} from '../../../src/lib/search/search-excerpt.ts';
import { spaceCjkText } from '../../../src/lib/search/cjk-spacing.ts';
import { parseSearchQuery } from '../../../src/lib/search/search-query.ts';

const shared = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared', file), 'utf8');
const seed = shared('seeds/000_b79b53dc5c4bd550.txt');
const seedLine = (containing: string) => seed.split('\n').find((line) => line.includes(containing)) ?? '';

/** What Pagefind 1.6 returns for a phrase match in the spaced index: one <mark> per word, space inside. */
function pagefindExcerpt(text: string, phrase: string): string {
  const spaced = ` ${spaceCjkText(text)} `;
  const tokens = spaceCjkText(phrase).split(' ');
  const marked = tokens.map((token) => `<mark>${token} </mark>`).join('');
  return spaced.replace(` ${tokens.join(' ')} `, ` ${marked}`).trim().replace(/&/g, '&amp;').replace(/<(?!\/?mark>)/g, '&lt;');
}

describe('cleanSearchExcerpt', () => {
  it('gives back the text with the whole phrase in one mark', () => {
    const line = seedLine('严格落实“三会一课”，开展主题党日活动');
    const excerpt = cleanSearchExcerpt(pagefindExcerpt(line, '三会一课'));
    expect(excerpt).toContain('严格落实“<mark>三会一课</mark>”，开展主题党日活动');
    expect(excerpt.match(/<mark>/g)).toHaveLength(1);
    expect(excerpt.replace(/<\/?mark>/g, '')).toBe(line);
  });

  it('marks a substring that crosses word boundaries, such as 员干部', () => {
    const line = seedLine('组织党员干部观看');
    expect(cleanSearchExcerpt(pagefindExcerpt(line, '员干部'))).toContain('组织党<mark>员干部</mark>观看');
  });

  it('keeps the spaces between Latin words and joins numbers back to their units', () => {
    const excerpt = '<mark>hello </mark><mark>world</mark> 增 长 <mark>15.3 </mark><mark>% </mark>， 达 到 4.8 万';
    expect(cleanSearchExcerpt(excerpt)).toBe('<mark>hello world</mark>增长<mark>15.3%</mark>，达到4.8万');
  });

  it('turns the dot Pagefind appends to each block into a space, and keeps entities', () => {
    const excerpt = '一 、 履 职 情 况. （ 一 ） 加 强 &lt; <mark>gdp</mark>. 增 长 15.3 结 束.';
    expect(cleanSearchExcerpt(excerpt)).toBe('一、履职情况 （一）加强&lt;<mark>gdp</mark> 增长15.3结束');
    expect(excerptText('a &amp; <mark>b</mark>')).toBe('a & b');
  });
});

describe('cleanSearchText', () => {
  it('cleans a spaced title or heading', () => {
    expect(cleanSearchText(spaceCjkText(seedLine('（一）加强党的建设')))).toBe('（一）加强党的建设，纵深推进全面从严治党');
  });
});

describe('countOccurrences', () => {
  it('counts exact occurrences on normalised text', () => {
    expect(countOccurrences(seed, '三会一课')).toBe(3);
    expect(countOccurrences(seed, '员干部')).toBe(seed.split('员干部').length - 1);
    const y1954 = shared('corpus/gov-work-reports/1954.txt');
    expect(countOccurrences(y1954, '国家')).toBe(y1954.split('國家').length - 1);
    expect(countOccurrences(shared('corpus/gov-work-reports/1998.txt'), '1993年3月')).toBe(1);
  });

  it('does not count a number inside a longer number', () => {
    const line = seedLine('集体学习26次');
    expect(countOccurrences(line, '26')).toBe(1);
    expect(countOccurrences(`${line}学习126次，2.6次，26.5次`, '26')).toBe(1);
    expect(findOccurrences('2021年2021', '2021')).toEqual([0, 5]);
    // A CJK extension B character is one token, also between Latin letters.
    expect(findOccurrences('x𠀀y', '𠀀')).toEqual([1]);
  });

  it('takes a parsed term as well as a string', () => {
    const [term] = parseSearchQuery('“第一议题”');
    expect(countOccurrences(seed, term!)).toBe(2);
  });
});

describe('highlightTerms', () => {
  it('marks the original characters of a normalised match', () => {
    const y1998 = shared('corpus/gov-work-reports/1998.txt').split('\n').find((l) => l.includes('1 9 9 3 年3 月')) ?? '';
    expect(highlightTerms(y1998, ['1993年3月'])).toContain('本届政府从<mark>1 9 9 3 年3 月</mark>就职');
    const y1954 = shared('corpus/gov-work-reports/1954.txt').split('\n').find((l) => l.includes('中華人民共和國憲法')) ?? '';
    expect(highlightTerms(y1954, parseSearchQuery('中华人民共和国宪法'))).toContain('<mark>中華人民共和國憲法</mark>');
  });

  it('joins touching matches of several terms and escapes the rest', () => {
    const line = seedLine('严格落实“三会一课”，开展主题党日活动');
    const html = highlightTerms(`<b>${line}</b>`, ['三会', '一课', '主题党日']);
    expect(html).toContain('&#60;b&#62;');
    expect(html).toContain('“<mark>三会一课</mark>”，开展<mark>主题党日</mark>活动');
    expect(highlightTerms('人工智能', ['区块链'])).toBe('人工智能');
  });
});
