import { describe, expect, it } from 'vitest';
import { buildToc } from '../../../src/lib/structure/toc.ts';

describe('buildToc', () => {
  it('nests by depth and survives a skipped level', () => {
    const toc = buildToc([
      { depth: 2, slug: 'a', text: '一、履职情况' },
      { depth: 3, slug: 'a1', text: '（一）加强党的建设' },
      { depth: 4, slug: 'a11', text: '1.强化政治意识' },
      { depth: 2, slug: 'b', text: '二、主要问题' },
      { depth: 4, slug: 'b1', text: '1.跳级的标题' },
      { depth: 5, slug: 'x', text: '太深，不进目录' },
    ]);
    expect(toc.map((i) => [i.text, i.children.map((c) => [c.text, c.children.map((g) => g.text)])])).toEqual([
      ['一、履职情况', [['（一）加强党的建设', ['1.强化政治意识']]]],
      ['二、主要问题', [['1.跳级的标题', []]]],
    ]);
  });
});
