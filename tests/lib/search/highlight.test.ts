import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHighlightRanges, highlightTermsFromQuery, withHighlightParam, type HighlightMatch } from '../../../src/lib/search/highlight.ts';
import { normalizeText } from '../../../src/lib/search/text-normalize.ts';

const corpus = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../../../../shared/corpus/gov-work-reports', file), 'utf8');
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** The original text each match covers, its pieces joined. */
function covered(segments: string[], matches: HighlightMatch[]): string[] {
  return matches.map((match) => match.map((piece) => segments[piece.segment]!.slice(piece.start, piece.end)).join(''));
}

describe('findHighlightRanges', () => {
  it('finds a simplified query in the traditional text of 1954, on the original characters', () => {
    const text = corpus('1954.txt');
    const expected = (text.match(/中華人民共和國憲法/g) ?? []).length;
    expect(expected).toBeGreaterThan(1);
    const matches = paragraphs(text).flatMap((p) => covered([p], findHighlightRanges([p], highlightTermsFromQuery('中华人民共和国宪法'))));
    expect(matches).toHaveLength(expected);
    expect(new Set(matches)).toEqual(new Set(['中華人民共和國憲法']));
  });

  it('finds 1993年 in the spaced digits of 1998 and marks the spaces with them', () => {
    const paragraph = paragraphs(corpus('1998.txt')).find((p) => p.includes('1 9 9 3 年3 月'))!;
    const matches = findHighlightRanges([paragraph], highlightTermsFromQuery('1993年3月'));
    expect(covered([paragraph], matches)).toEqual(['1 9 9 3 年3 月']);
  });

  it('does not match a number inside a longer one (1993 is not in 21993)', () => {
    expect(findHighlightRanges(['共21993人，1993年'], highlightTermsFromQuery('1993'))).toEqual([
      [{ segment: 0, start: 8, end: 12 }],
    ]);
  });

  it('finds full-width digits with an ASCII query and the other way round', () => {
    const paragraph = paragraphs(corpus('1981.txt')).find((p) => p.includes('１９７９年以来'))!;
    expect(covered([paragraph], findHighlightRanges([paragraph], highlightTermsFromQuery('1979年以来')))).toContain('１９７９年以来');
    expect(covered(['2022年'], findHighlightRanges(['2022年'], highlightTermsFromQuery('２０２２')))).toEqual(['2022']);
  });

  it('splits a match across the text nodes it spans', () => {
    // Three text nodes of one paragraph: "严格落实“三会" + <strong>一课</strong> + "”制度".
    const segments = ['严格落实“三会', '一课', '”制度，三会一课'];
    const matches = findHighlightRanges(segments, highlightTermsFromQuery('三会一课'));
    expect(matches).toEqual([
      [
        { segment: 0, start: 5, end: 7 },
        { segment: 1, start: 0, end: 2 },
      ],
      [{ segment: 2, start: 4, end: 8 }],
    ]);
  });

  it('runs across a paragraph break as the index does, marking no whitespace-only piece', () => {
    // 2017: the source breaks "把党风" / "廉政建设" into two paragraphs.
    const segments = ['要认真落实全面从严治党要求，把党风', '\n', '廉政建设和反腐败工作'];
    expect(findHighlightRanges(segments, highlightTermsFromQuery('党风廉政建设'))).toEqual([
      [
        { segment: 0, start: 15, end: 17 },
        { segment: 2, start: 0, end: 4 },
      ],
    ]);
  });

  it('marks every term of a query and merges overlapping occurrences into one', () => {
    const segments = ['党员干部队伍建设和干部培训'];
    expect(covered(segments, findHighlightRanges(segments, highlightTermsFromQuery('员干部 干部队伍 培训')))).toEqual(['员干部队伍', '培训']);
  });

  it('returns nothing without terms or without a match', () => {
    expect(findHighlightRanges(['三会一课'], highlightTermsFromQuery(''))).toEqual([]);
    expect(findHighlightRanges(['三会一课'], highlightTermsFromQuery('人工智能'))).toEqual([]);
  });

  it('agrees with normalised containment on every paragraph of 1954 for a few queries', () => {
    for (const query of ['人民', '国家', '社会主义', '过渡时期']) {
      const [term] = highlightTermsFromQuery(query);
      for (const p of paragraphs(corpus('1954.txt'))) {
        const found = findHighlightRanges([p], [term!]).length > 0;
        expect(found, `${query} @ ${p.slice(0, 20)}`).toBe(normalizeText(p).includes(term!.text));
      }
    }
  });
});

describe('withHighlightParam', () => {
  it('puts the query before the hash and keeps other parameters', () => {
    expect(withHighlightParam('/archive/reports/x/#s-1-2', '三会一课')).toBe(`/archive/reports/x/?hl=${encodeURIComponent('三会一课')}#s-1-2`);
    expect(withHighlightParam('/r/?a=1', 'x y')).toBe('/r/?a=1&hl=x+y');
    expect(withHighlightParam('/r/', '  ')).toBe('/r/');
  });
});
