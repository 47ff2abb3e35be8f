import { describe, expect, it } from 'vitest';
import { loadCorpusSeries } from '../../../bench/follow-up-quality.ts';
import { outlineFromPage, type PageBlock } from '../../../src/lib/compare/page-outline.ts';
import { toHeadingId } from '../../../src/lib/structure/analyze.ts';
import { flattenOutline, type OutlineSection } from '../../../src/lib/structure/outline.ts';

const [national2024] = loadCorpusSeries('gov-work-reports', '国务院', [2024]);

/** A page's body as the report page renders an outline: each heading with its id, then its paragraphs. */
function toPageBlocks(sections: readonly OutlineSection[]): PageBlock[] {
  return sections.flatMap((s) => [{ kind: 'heading' as const, id: toHeadingId(s.id), title: s.title }, ...s.body.map((text) => ({ kind: 'paragraph' as const, text })), ...toPageBlocks(s.children)]);
}

describe('outlineFromPage', () => {
  it('rebuilds the sections of the national 2024 report, nested, each with its own paragraphs', () => {
    const outline = national2024!.outline;
    const blocks: PageBlock[] = [...outline.preamble.map((text) => ({ kind: 'paragraph' as const, text })), ...toPageBlocks(outline.sections)];
    const read = outlineFromPage(blocks);
    expect(read.preamble).toEqual(outline.preamble);
    expect(flattenOutline(read).map((s) => [s.id, s.level, s.title, s.body])).toEqual(flattenOutline(outline).map((s) => [s.id, s.level, s.title, s.body]));
    expect(read.sections.map((s) => s.children.length)).toEqual(outline.sections.map((s) => s.children.length));
  });

  it('ignores headings that are not the report’s own sections', () => {
    const read = outlineFromPage([
      { kind: 'heading', id: 's-1', title: '一、工作回顾' },
      { kind: 'paragraph', text: '一年来……' },
      { kind: 'heading', id: 'analysis-heading', title: '结构分析' },
      { kind: 'paragraph', text: '又一段' },
    ]);
    expect(read.sections).toHaveLength(1);
    expect(read.sections[0]!.body).toEqual(['一年来……', '又一段']);
  });
});
