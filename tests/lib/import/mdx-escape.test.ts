import { describe, expect, it } from 'vitest';
import { escapeMdxText } from '../../../src/lib/import/mdx-escape.ts';
import { renderMdxText, renderMdxTextWithMdxJs } from './import-mdx-text.ts';

// Pieces that mean something to Markdown, GFM, MDX or smart punctuation, plus the text they
// live in: CJK, full-width punctuation, ideographic and no-break spaces, line breaks.
const ATOMS = [
  ...'\\{}<>*_`[]&|~"\'$#-.+=:/!()^@%;,?0123456789aZ \t\n\u3000\u00a0中文。，、（）“”—…',
  'www.', 'WWW.', 'http://', 'https://x.y/a_b', 'a@b.co', 'mailto:', 'import ', 'export ', '--', '...', '&amp;',
  '&#123;', '&copy', '<div>', '</p>', '{x}', '1. ', '2) ', '- ', '+ ', '* ', '# ', '> ', '```', '~~~', '---', '***',
  '___', '[^1]', '[a]: b', '![x](y)', '<!-- ', ' -->', ':::', '$$', '|--|', '\u{1F600}', '　　各位代表：',
];

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function randomText(next: () => number): string {
  let text = '';
  const length = 1 + Math.floor(next() * 12);
  for (let i = 0; i < length; i++) text += ATOMS[Math.floor(next() * ATOMS.length)];
  return text;
}

/** Spaces and tabs next to a line break are lost in any Markdown paragraph (see escapeMdxText). */
const withoutSpacesAroundBreaks = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, '\n');

describe('escapeMdxText', () => {
  it('renders random strings of risky characters and CJK as exactly those characters, in Sätteri (3000 cases)', () => {
    const next = random(20240305);
    const failures: { input: string; mdx: string; rendered: string }[] = [];
    for (let i = 0; i < 3000; i++) {
      const input = randomText(next);
      const mdx = escapeMdxText(input);
      const { text, mdxNodes } = renderMdxText(mdx);
      expect(mdx).not.toContain('\n');
      if (text !== withoutSpacesAroundBreaks(input) || mdxNodes.length > 0) failures.push({ input, mdx, rendered: text });
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('renders them the same when compiled and run by @mdx-js/mdx with remark-gfm (1000 cases)', () => {
    const next = random(20250305);
    const failures: { input: string; mdx: string; rendered: string }[] = [];
    for (let i = 0; i < 1000; i++) {
      const input = randomText(next);
      const mdx = escapeMdxText(input);
      const rendered = renderMdxTextWithMdxJs(mdx);
      if (rendered !== withoutSpacesAroundBreaks(input)) failures.push({ input, mdx, rendered });
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('keeps what Markdown would turn into syntax, and what smart punctuation would curl', () => {
    const cases = [
      '{年度目标}', '<br>', 'a < b > c', '# 不是标题', '> 不是引用', '- 不是列表', '+ 不是列表', '1. 不是列表', '2024) 年份',
      '---', '--我们要推动经济发展再上新台阶。', '加强"三河三湖" 等重点流域水污染防治', "it's", '等等...', '**不加粗**',
      '_不倾斜_', '`不是代码`', '[不是链接](http://example.com)', '~~不删除~~', '3~5年', '&amp; 与 &#123;', '\\n 与 \\',
      '| 甲 | 乙 |', '$x$', 'www.gov.cn/a_b*c', 'https://www.gov.cn/zhengce/2024_x.htm', 'import 进口 export 出口',
      '  前后空格  ', '\t制表符', '　　全角空格缩进',
    ];
    for (const text of cases) {
      expect(renderMdxText(escapeMdxText(text)).text, text).toBe(text);
      expect(renderMdxTextWithMdxJs(escapeMdxText(text)), text).toBe(text);
    }
  });

  it('is needed: the same texts unescaped render differently or do not compile', () => {
    const changed = (text: string) => {
      try {
        return renderMdxText(text).text !== text;
      } catch {
        return true; // an MDX syntax error
      }
    };
    for (const text of ['{年度目标}', '--我们要', '"三河三湖"', '等等...', '# 标题', '1. 项', '**粗**', '~删~']) {
      expect(changed(text), text).toBe(true);
    }
    // Inside a link literal a plain backslash escape is shown, not applied: hence "www\." and "http\://".
    expect(renderMdxText('www.gov.cn/a\\_b').text).toBe('www.gov.cn/a\\_b');
  });

  it('works inside an ATX heading, where a trailing # would close the heading', () => {
    for (const title of ['一、2017年工作回顾 #', '（一）“十三五”--规划 *重点*', '1.强化政治意识，持续抓好理论学习。']) {
      expect(renderMdxText(`## ${escapeMdxText(title)}`).text).toBe(title);
    }
  });

  it('leaves ordinary report text alone, so imported files stay readable', () => {
    for (const text of ['一、2017年工作回顾', '（一）加强党的建设，纵深推进全面从严治党', '1.强化政治意识。增长6.5%，完成2.76亿元（1）', '——2018年3月7日在海拉尔区第十五届人民代表大会第二次会议上', '海拉尔区人民政府区长　　杨国宏', '1998年3月,GDP增长8%:']) {
      expect(escapeMdxText(text)).toBe(text);
    }
  });
});
