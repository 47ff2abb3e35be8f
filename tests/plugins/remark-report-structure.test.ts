import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkReportStructure, { insertAnchor } from '../../src/plugins/remark-report-structure.ts';
import { reportAnalysisOf } from '../../src/plugins/report-analysis-store.ts';

// remark-rehype is not installed, so these tests check the mdast and the data the plugin
// leaves for mdast-util-to-hast (hProperties become HTML attributes, hName the tag).

const report = `2021年，我认真履行党建工作第一责任人职责。

## 一、履职情况

### （一）加强党的建设

共开展党课宣讲4次，其中领导干部上党课3次。

## 二、主要问题

党建品牌不够突出。

## 三、下步打算

2022年，我将认真贯彻落实市委决策部署。

### （一）坚决扛起机关党建政治责任

坚持把党的政治建设作为党的根本性建设。一是不断强化**思想理论**武装。二是牢牢把握意识形态工作的主动权。三是坚持把政治纪律和政治规矩挺在前面。

### （二）不断夯实党建基础

压实机关党建主体责任。

积极探索支部工作的新载体。

### （三）更好保障目标任务落地落实

以开展“能力作风建设年”活动为重要抓手。
`;

async function run(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const processor = unified().use(remarkParse).use(remarkReportStructure);
  const tree = processor.parse(markdown);
  // Astro puts the frontmatter on file.data.astro before remark plugins run.
  await processor.run(tree, { data: { astro: { frontmatter } } });
  return { tree: tree as Root, analysis: reportAnalysisOf(frontmatter).analysis };
}

const props = (node: { data?: unknown }) => (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties;

describe('remarkReportStructure', () => {
  it('gives every heading its section id and top-level headings their role', async () => {
    const { tree } = await run(report);
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
    expect(headings.map((h) => [toString(h), props(h)])).toEqual([
      ['一、履职情况', { id: 's-1', dataRole: 'review' }],
      ['（一）加强党的建设', { id: 's-1-1' }],
      ['二、主要问题', { id: 's-2', dataRole: 'problems' }],
      ['三、下步打算', { id: 's-3', dataRole: 'plans' }],
      ['（一）坚决扛起机关党建政治责任', { id: 's-3-1' }],
      ['（二）不断夯实党建基础', { id: 's-3-2' }],
      ['（三）更好保障目标任务落地落实', { id: 's-3-3' }],
    ]);
  });

  it('names the paragraph of the first item and puts span anchors before the later ones', async () => {
    const { tree } = await run(report);
    const paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'paragraph');
    const enumerated = paragraphs.find((p) => toString(p).includes('一是'))!;
    expect(props(enumerated)).toEqual({ id: 'c-3-1-e1' });
    // The text is unchanged; the anchors sit right before 二是 and 三是.
    expect(toString(enumerated)).toBe('坚持把党的政治建设作为党的根本性建设。一是不断强化思想理论武装。二是牢牢把握意识形态工作的主动权。三是坚持把政治纪律和政治规矩挺在前面。');
    const children = enumerated.children as { type: string; value?: string; data?: unknown }[];
    const anchors = children.flatMap((c, i) => (c.type === 'reportAnchor' ? [[props(c)!['id'], children[i + 1]!.value!.slice(0, 2)]] : []));
    expect(anchors).toEqual([['c-3-1-e2', '二是'], ['c-3-1-e3', '三是']]);
    expect(children.find((c) => c.type === 'reportAnchor')!.data).toEqual({ hName: 'a', hProperties: { id: 'c-3-1-e2' } });

    // Paragraph commitments name their own paragraph; a whole-section item links to its heading.
    expect(paragraphs.filter((p) => props(p)?.['id']).map((p) => props(p)!['id'])).toEqual(['c-3-1-e1', 'c-3-2-p1', 'c-3-2-p2']);
  });

  it('stores the analysis on the frontmatter, with heading ids for commitments', async () => {
    const { analysis } = await run(report, { title: '2021年度述职报告', year: 2021 });
    expect([analysis.title, analysis.year]).toEqual(['2021年度述职报告', 2021]);
    expect(analysis.sections.map((s) => s.role)).toEqual(['review', 'problems', 'plans']);
    expect(analysis.commitments.map((c) => [c.id, c.headingId, c.anchor])).toEqual([
      ['c-3-1-e1', 's-3-1', 'c-3-1-e1'],
      ['c-3-1-e2', 's-3-1', 'c-3-1-e2'],
      ['c-3-1-e3', 's-3-1', 'c-3-1-e3'],
      ['c-3-2-p1', 's-3-2', 'c-3-2-p1'],
      ['c-3-2-p2', 's-3-2', 'c-3-2-p2'],
      ['c-3-3', 's-3-3', 's-3-3'],
    ]);
    expect(analysis.metrics.map((m) => [m.label, m.value, m.unit, m.section])).toEqual([
      ['党课宣讲', 4, '次', '1.1'],
      ['领导干部上党课', 3, '次', '1.1'],
    ]);
  });

  it('takes role overrides from frontmatter sectionRoles', async () => {
    const { tree, analysis } = await run(report, { sectionRoles: { '2': 'other', '三、下步打算': 'review', '1': 'bogus' } });
    expect(analysis.sections.map((s) => s.role)).toEqual(['review', 'other', 'review']);
    expect(analysis.commitments).toEqual([]);
    const top = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2);
    expect(top.map((h) => props(h)!['dataRole'])).toEqual(['review', 'other', 'review']);
  });
});

describe('insertAnchor', () => {
  it('splits the text node that holds the offset, inside emphasis too', () => {
    const paragraph = unified().use(remarkParse).parse('甲乙**丙丁**戊').children[0] as Paragraph;
    expect(insertAnchor(paragraph, 3, 'x')).toBe(true);
    const strong = paragraph.children[1] as { children: { type: string; value?: string }[] };
    expect(strong.children.map((c) => c.type === 'text' ? c.value : c.type)).toEqual(['丙', 'reportAnchor', '丁']);
    expect(toString(paragraph)).toBe('甲乙丙丁戊');
    expect(insertAnchor(paragraph, 99, 'y')).toBe(false);
  });
});
