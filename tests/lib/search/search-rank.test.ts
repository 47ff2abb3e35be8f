import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTermOccurrences, HEADING_BONUS, rerankResults, type RankableText } from '../../../src/lib/search/search-rank.ts';
import { parseSearchQuery } from '../../../src/lib/search/search-query.ts';

const shared = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared', file), 'utf8');

interface Section extends RankableText {
  id: number;
}

/** The seed report cut at its （一）（二）… headings, each part a page. */
function seedSections(): Section[] {
  const sections: Section[] = [];
  for (const line of shared('seeds/000_b79b53dc5c4bd550.txt').split('\n').filter(Boolean)) {
    if (/^（[一二三四五]）/.test(line) || sections.length === 0) {
      sections.push({ id: sections.length, title: line.slice(0, line.indexOf('。') + 1 || 40), headings: [], content: line });
    } else {
      const last = sections[sections.length - 1]!;
      last.content += `\n${line}`;
    }
  }
  return sections;
}

describe('rerankResults', () => {
  const sections = seedSections();

  it('puts the pages with the most exact occurrences first', () => {
    const terms = parseSearchQuery('党员干部');
    const counts = sections.map((s) => countTermOccurrences(s, terms).weight);
    const ranked = rerankResults(sections, (s) => s, terms);
    expect(ranked.map((s) => counts[s.id])).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[ranked[0]!.id]).toBeGreaterThan(counts[ranked.at(-1)!.id]!);
  });

  it('keeps the incoming (Pagefind) order between pages with the same count', () => {
    const terms = parseSearchQuery('人工智能');
    const reversed = [...sections].reverse();
    expect(rerankResults(reversed, (s) => s, terms)).toEqual(reversed);
  });

  it('weighs an occurrence in the title or a heading more than one in the body', () => {
    const terms = parseSearchQuery('党风廉政建设');
    const body = shared('seeds/000_b79b53dc5c4bd550.txt').split('\n').find((l) => l.startsWith('3.加强廉政建设')) ?? '';
    const inBody: RankableText = { title: '工作总结', headings: [], content: `${body}\n党风廉政建设` };
    const inHeading: RankableText = { title: '工作总结', headings: ['三、党风廉政建设'], content: `三、党风廉政建设\n${body}` };
    expect(countTermOccurrences(inHeading, terms).weight - countTermOccurrences(inBody, terms).weight).toBe(HEADING_BONUS);
    expect(rerankResults([inBody, inHeading], (t) => t, terms)).toEqual([inHeading, inBody]);
  });

  it('counts every term and reports the ones a page lacks', () => {
    const [first] = sections;
    const count = countTermOccurrences(first!, parseSearchQuery('习近平 三个表率 第二议题'));
    expect(count.missingTerms).toBe(1);
    expect(count.occurrences).toBe(3); // 习近平 twice and 三个表率 once, in the opening paragraph
  });
});
