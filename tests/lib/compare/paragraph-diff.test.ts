import { describe, expect, it } from 'vitest';
import { loadCorpusSeries } from '../../../bench/follow-up-quality.ts';
import { alignSections } from '../../../src/lib/compare/compare.ts';
import { diffParagraphs, type ParagraphPair } from '../../../src/lib/compare/paragraph-diff.ts';
import { flattenOutline } from '../../../src/lib/structure/outline.ts';

const [national2024, national2025] = loadCorpusSeries('gov-work-reports', '国务院', [2024, 2025]);
const bodyOf = (report: typeof national2024, id: string) => flattenOutline(report!.outline).find((s) => s.id === id)!.body;
/** The old and the new paragraphs a diff was made from, rebuilt from its pairs. */
const sides = (pairs: ParagraphPair[]) => [
  pairs.flatMap((p) => (p.status === 'added' ? [] : [p.status === 'removed' ? p.text : p.runs.filter((r) => r.type !== 'insert').map((r) => r.text).join('')])),
  pairs.flatMap((p) => (p.status === 'removed' ? [] : [p.status === 'added' ? p.text : p.runs.filter((r) => r.type !== 'delete').map((r) => r.text).join('')])),
];

describe('diffParagraphs', () => {
  it('pairs a reworded paragraph, and keeps a dropped and a new paragraph whole, in order', () => {
    const before = ['今年集体学习26次，开展党课宣讲4次。', '完成老旧小区改造35个。', '筹建社科普及基地。'];
    const after = ['今年集体学习28次，开展党课宣讲6次。', '新建社区食堂12家。', '筹建社科普及基地。'];
    const pairs = diffParagraphs(before, after);
    expect(pairs.map((p) => p.status)).toEqual(['paired', 'removed', 'added', 'paired']);
    expect(pairs[0]).toMatchObject({ status: 'paired', runs: expect.arrayContaining([{ type: 'delete', text: '26' }, { type: 'insert', text: '28' }]) });
    expect(pairs[3]).toEqual({ status: 'paired', runs: [{ type: 'equal', text: '筹建社科普及基地。' }] });
  });

  it('loses no paragraph of the national 2024 and 2025 task sections, and pairs most of their paragraphs', () => {
    const tasks = alignSections(national2024!, national2025!)[2]!.children;
    let paired = 0;
    let total = 0;
    for (const pair of tasks) {
      const before = bodyOf(national2024, pair.before!.id);
      const after = bodyOf(national2025, pair.after!.id);
      const pairs = diffParagraphs(before, after);
      expect(sides(pairs)).toEqual([before, after]);
      paired += pairs.filter((p) => p.status === 'paired').length;
      total += pairs.length;
    }
    // The same tasks a year on: many paragraphs are one topic reworded (40% measured), the rest new or dropped.
    expect(paired / total).toBeGreaterThan(0.3);
  });
});
