import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectIncludeCharacters,
  collectIncludeCharactersOfPages,
  spaceCjkHtml,
  spaceCjkText,
  tokenizeForSearch,
} from '../../../src/lib/search/cjk-spacing.ts';
import { cleanSearchText } from '../../../src/lib/search/search-excerpt.ts';
import { normalizeText } from '../../../src/lib/search/text-normalize.ts';

const shared = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared', file), 'utf8');
const seedLines = shared('seeds/000_b79b53dc5c4bd550.txt').split('\n').filter(Boolean);

describe('spaceCjkText', () => {
  it('puts every CJK character and mark between spaces and keeps numbers whole', () => {
    const line = seedLines.find((l) => l.includes('集体学习26次')) ?? '';
    expect(spaceCjkText(line)).toContain('， 集 体 学 习 26 次 ， 研 讨 交 流 7 次 ，');
    expect(spaceCjkText(line)).toContain('“ 第 一 议 题 ”');
  });

  it('keeps Latin runs, decimals and codes whole, as Intl.Segmenter does', () => {
    const text = shared('corpus/gov-work-reports/2023.txt');
    const at = text.indexOf('细颗粒物（PM2.5）');
    expect(spaceCjkText(text.slice(at, at + 14))).toBe('细 颗 粒 物 （ PM2.5 ） 平 均 浓');
    expect(spaceCjkText('全网阅读量达4.8万，投资24,000亿元')).toBe('全 网 阅 读 量 达 4.8 万 ， 投 资 24,000 亿 元');
    expect(spaceCjkText('COVID-19疫情')).toBe('COVID - 19 疫 情');
  });

  it('normalises first: the 1998 digits and the 1954 characters', () => {
    const y1998 = shared('corpus/gov-work-reports/1998.txt');
    expect(spaceCjkText(y1998)).toContain('从 1993 年 3 月 就 职');
    const y1954 = shared('corpus/gov-work-reports/1954.txt');
    expect(spaceCjkText(y1954)).toContain('中 华 人 民 共 和 国 宪 法');
  });

  it('loses nothing: removing the spacing gives back the normalised text', () => {
    for (const file of ['seeds/000_b79b53dc5c4bd550.txt', 'corpus/gov-work-reports/1998.txt', 'corpus/gov-work-reports/2023.txt']) {
      for (const paragraph of shared(file).split('\n').filter(Boolean)) {
        expect(cleanSearchText(spaceCjkText(paragraph))).toBe(normalizeText(paragraph, { keepCase: true }));
      }
    }
  });
});

describe('tokenizeForSearch', () => {
  it('gives the tokens a phrase query is made of', () => {
    expect(tokenizeForSearch('gdp增长15.3%')).toEqual(['gdp', '增', '长', '15.3', '%']);
    expect(tokenizeForSearch('第1.强化')).toEqual(['第', '1', '.', '强', '化']);
    expect(tokenizeForSearch('  ')).toEqual([]);
  });
});

describe('spaceCjkHtml', () => {
  const page = `<!doctype html><html lang="zh-CN"><head><title>述职报告</title>
<script>const note = "三会一课 & 主题党日";</script><style>p::after { content: "。"; }</style></head>
<body><main data-pagefind-body data-pagefind-filter="年份:2021年" data-pagefind-meta="作者:XXX">
<h1 id="top">一、履职情况</h1><p class="x">${seedLines[5] ?? ''}</p>
<p>严格落实“<b>三会</b>一课”&amp;<a href="/a?b=1&amp;c=2" title="三会一课">链接</a></p>
<div data-pagefind-ignore>不要索引</div></main></body></html>`;
  const spaced = spaceCjkHtml(page);

  it('spaces the text of the page', () => {
    expect(spaced).toContain('<h1 id="top"> 一 、 履 职 情 况 </h1>');
    expect(spaced).toContain(' 严 格 落 实 “ <b> 三 会 </b> 一 课 ” &amp; <a');
    expect(spaced).toContain('> 链 接 </a>');
  });

  it('leaves tags, attributes and script and style content as they were', () => {
    expect(spaced).toContain('<main data-pagefind-body data-pagefind-filter="年份:2021年" data-pagefind-meta="作者:XXX">');
    expect(spaced).toContain('<a href="/a?b=1&amp;c=2" title="三会一课">');
    expect(spaced).toContain('data-pagefind-filter="年份:2021年"');
    expect(spaced).toContain('data-pagefind-meta="作者:XXX"');
    expect(spaced).toContain('data-pagefind-ignore');
    expect(spaced).toContain('title="三会一课"');
    expect(spaced).toContain('const note = "三会一课 & 主题党日";');
    expect(spaced).toContain('content: "。";');
  });
});

describe('collectIncludeCharacters', () => {
  it('lists the marks and symbols of the index copies, but never the ASCII quote', () => {
    const texts = ['corpus/gov-work-reports/1956.txt', 'corpus/hailar-district-gov-work-reports/2013.txt'];
    const include = collectIncludeCharacters([...texts.map((file) => spaceCjkText(shared(file))), '"']);
    // ＠ (1956) is read as @; × (东电2×35万千瓦, 2013) is a symbol Pagefind would otherwise drop.
    for (const mark of ['，', '。', '、', '“', '”', '%', '.', '@', '×']) expect(include).toContain(mark);
    expect(include).not.toContain('"');
    expect(new Set(include).size).toBe([...include].length);
  });

  it('finds, from the pages as written, every mark their spaced copies hold (known before indexing starts)', () => {
    const texts = ['corpus/gov-work-reports/1956.txt', 'corpus/hailar-district-gov-work-reports/2013.txt'].map(shared);
    const pages = texts.map((text) => `<main data-pagefind-body><h1 title="报告">报告</h1>${text.split('\n').map((line) => `<p>${line}</p>`).join('')}</main>`);
    const fromWritten = new Set(collectIncludeCharactersOfPages(pages));
    const fromCopies = collectIncludeCharacters(pages.map(spaceCjkHtml));
    expect([...fromCopies].filter((mark) => !fromWritten.has(mark))).toEqual([]);
    // ＠ is written full-width in 1956 and indexed as @.
    expect(fromWritten.has('@')).toBe(true);
    expect(fromWritten.has('"')).toBe(false);
  });
});
