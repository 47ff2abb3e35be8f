import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSearchQuery, toPagefindPhrase, toPagefindQuery } from '../../../src/lib/search/search-query.ts';
import { spaceCjkText } from '../../../src/lib/search/cjk-spacing.ts';

const shared = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared', file), 'utf8');

describe('parseSearchQuery', () => {
  it('reads whitespace (ASCII or ideographic) as AND and normalises each term', () => {
    const terms = parseSearchQuery(' 三会一课\u3000主题党日  ２０２２年 國民經濟 GDP增长 ');
    expect(terms.map((t) => t.text)).toEqual(['三会一课', '主题党日', '2022年', '国民经济', 'gdp增长']);
    expect(terms[0]?.tokens).toEqual(['三', '会', '一', '课']);
    expect(terms[2]?.raw).toBe('２０２２年');
  });

  it('keeps a quoted phrase together, spaces and all', () => {
    expect(parseSearchQuery('"hello world" 党课').map((t) => t.text)).toEqual(['hello world', '党课']);
    expect(parseSearchQuery('“三个 表率”').map((t) => t.text)).toEqual(['三个表率']);
    expect(parseSearchQuery('「学党史·庆五一」迎华诞').map((t) => t.text)).toEqual(['学党史·庆五一', '迎华诞']);
    expect(parseSearchQuery('"未闭合的 引号').map((t) => t.text)).toEqual(['未闭合的引号']);
  });

  it('returns no terms for empty or blank input, and drops repeats', () => {
    expect(parseSearchQuery('')).toEqual([]);
    expect(parseSearchQuery(' \u3000\u200B "" ')).toEqual([]);
    expect(parseSearchQuery('党课 党课 黨課')).toHaveLength(1);
  });
});

describe('toPagefindPhrase', () => {
  it('quotes the tokens of a term', () => {
    const phrase = (q: string) => toPagefindPhrase(parseSearchQuery(q)[0]!);
    expect(phrase('三会一课')).toBe('"三 会 一 课"');
    expect(phrase('2022年')).toBe('"2022 年"');
    expect(phrase('GDP增长')).toBe('"gdp 增 长"');
    expect(phrase('8.8%')).toBe('"8.8 %"');
  });

  it('matches the index copy: any stretch of real text is a run of its tokens', () => {
    let checked = 0;
    for (const file of ['seeds/000_b79b53dc5c4bd550.txt', 'corpus/gov-work-reports/1998.txt', 'corpus/gov-work-reports/1954.txt']) {
      const text = shared(file);
      const indexed = ` ${spaceCjkText(text).toLowerCase()} `;
      for (let at = 0; at < text.length - 12; at += 41) {
        // Stretches that start and end on a Han character, as a reader selects them.
        const stretch = text.slice(at, at + 12).replace(/^[^\p{Script=Han}]+|[^\p{Script=Han}]+$/gu, '');
        const term = parseSearchQuery(`"${stretch}"`)[0];
        if (!term) continue;
        expect(indexed, stretch).toContain(` ${term.tokens.join(' ')} `);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('toPagefindQuery', () => {
  it('gives one phrase per term, and the unquoted tokens without marks for ranking', () => {
    const query = toPagefindQuery(parseSearchQuery('“第一责任人” 集体学习26次'));
    expect(query.phrases).toEqual(['"第 一 责 任 人"', '"集 体 学 习 26 次"']);
    expect(query.rank).toBe('第 一 责 任 人 集 体 学 习 26 次');
    expect(toPagefindQuery(parseSearchQuery('以学开路、以学明理')).rank).toBe('以 学 开 路 明 理');
    expect(toPagefindQuery([])).toEqual({ phrases: [], rank: '' });
  });
});
