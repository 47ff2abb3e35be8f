import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PdfPage } from '../../../src/lib/import/pdf-lines.ts';
import { removeAddedCjkSpaces } from '../../../src/lib/import/pdf-cjk-spaces.ts';
import { paragraphsOfPdfPages } from '../../../src/lib/import/read-pdf.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

interface FixtureLine {
  text: string;
  /** Left end; the text column starts at 57. */
  x?: number;
  /** Baseline; by default 14.5 below the line before (plus `gap`), from 770. */
  y?: number;
  gap?: number;
  /** The line fills the column to its right edge (538), as a wrapped line does. */
  full?: boolean;
  right?: number;
}

/** Pages as pdf.js reports them, from lines written in the fixture: one item per line, 10-point type. */
function toPages(spec: { pages: { lines: FixtureLine[]; images?: number }[] }): PdfPage[] {
  return spec.pages.map((page) => {
    let y = 770 + 14.5;
    const items = page.lines.map((line) => {
      y = line.y ?? y - 14.5 - (line.gap ?? 0);
      const x = line.x ?? 57;
      const measured = [...line.text].reduce((sum, char) => sum + (char.charCodeAt(0) < 0x80 ? 5 : 10), 0);
      const width = line.full ? 538 - x : line.right !== undefined ? line.right - x : measured;
      return { text: line.text, x, y, width, fontSize: 10 };
    });
    return { width: 595, height: 842, items, images: page.images ?? 0 };
  });
}

const cases = readdirSync(fixtures).filter((name) => name.startsWith('pdf-') && existsSync(path.join(fixtures, name, 'input.json')));

describe('PDF lines joined into paragraphs (tests/fixtures/pdf-*)', () => {
  it('has the fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  for (const name of cases) {
    it(name, async () => {
      const spec = JSON.parse(readFileSync(path.join(fixtures, name, 'input.json'), 'utf8'));
      const { paragraphs } = paragraphsOfPdfPages(toPages(spec));
      await expect(`${paragraphs.join('\n')}\n`).toMatchFileSnapshot(path.join(fixtures, name, 'expected.txt'));
    });
  }
});

describe('paragraphsOfPdfPages on pages without text', () => {
  const textPage = { lines: [{ text: '2021年工作总结' }] };

  it('refuses a scan (pages that are images only), saying so', () => {
    expect(() => paragraphsOfPdfPages(toPages({ pages: [{ lines: [], images: 1 }, { lines: [], images: 1 }] }))).toThrow(/扫描版 PDF（页面是图片，没有文字层）/);
    expect(() => paragraphsOfPdfPages(toPages({ pages: [{ lines: [] }] }))).toThrow('PDF 中没有文字');
  });

  it('names the scanned pages of a PDF that has text elsewhere', () => {
    const result = paragraphsOfPdfPages(toPages({ pages: [textPage, { lines: [], images: 2 }, { lines: [], images: 1 }] }));
    expect(result.paragraphs).toEqual(['2021年工作总结']);
    expect(result.warnings).toEqual(['第 2、3 页没有文字层（可能是扫描页），这些页的内容未能导入']);
  });
});

describe('removeAddedCjkSpaces', () => {
  it('drops the space between Chinese and digits or Latin letters, either way round', () => {
    expect(removeAddedCjkSpaces('2021 年，增长 8.1%，GDP 总量，在 XXX 党组')).toBe('2021年，增长8.1%，GDP总量，在XXX党组');
    expect(removeAddedCjkSpaces('（ 2021 ）不变，第 1 页')).toBe('（2021）不变，第1页');
  });

  it('keeps spaces between Latin words, between digits and between Chinese characters', () => {
    expect(removeAddedCjkSpaces('Belt and Road')).toBe('Belt and Road');
    expect(removeAddedCjkSpaces('1 9 9 3')).toBe('1 9 9 3');
    expect(removeAddedCjkSpaces('政 府 工 作')).toBe('政 府 工 作');
    expect(removeAddedCjkSpaces('年  2021')).toBe('年  2021');
  });
});
