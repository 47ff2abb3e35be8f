import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReport, textToBlocks } from '../../../src/lib/structure/analyze.ts';
import { readDocParagraphs } from '../../../src/lib/import/doc-paragraphs.ts';
import { readDocxParagraphs } from '../../../src/lib/import/docx-paragraphs.ts';
import { importReport, normalizeForLosslessCheck } from '../../../src/lib/import/import-report.ts';
import { readPdfParagraphs } from '../../../src/lib/import/read-pdf.ts';

const seeds = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const seed = (extension: string) => readFileSync(path.join(seeds, `000_b79b53dc5c4bd550.${extension}`));
const seedText = seed('txt').toString('utf8');
const fileName = '000_b79b53dc5c4bd550';
const overrides = { unit: '市社科联' };
const fromText = importReport({ text: seedText, fileName: `${fileName}.txt`, overrides });

/** What the site reads from a report: its outline with roles, commitment ids and texts, metrics. */
function structureOf(paragraphs: readonly string[]) {
  const analysis = analyzeReport({ blocks: textToBlocks(paragraphs.join('\n')) });
  return {
    sections: analysis.sections,
    commitments: analysis.commitments.map((c) => `${c.id} ${c.text}`),
    metrics: analysis.metrics.map((m) => `${m.label} ${m.value}${m.unit}`),
  };
}

describe('the seed saved by LibreOffice as Word 97–2003 (.doc)', async () => {
  const { paragraphs, warnings } = await readDocParagraphs(seed('doc'));

  it('reads paragraph for paragraph as the .docx it was saved from, curly quotes and all', async () => {
    expect(paragraphs).toEqual(await readDocxParagraphs(seed('typed-numbering.docx')));
    expect(paragraphs.join('\n')).toContain('履行好党建工作“第一责任人”的主体责任');
    expect(warnings).toEqual([]);
  });

  it('imports to the same MDX file as the .docx and the text', async () => {
    const fromDocx = importReport({ paragraphs: await readDocxParagraphs(seed('typed-numbering.docx')), fileName: `${fileName}.docx`, overrides });
    const fromDoc = importReport({ paragraphs, fileName: `${fileName}.doc`, overrides });
    expect(fromDoc.mdx).toBe(fromDocx.mdx);
    expect(fromDoc.mdx).toBe(fromText.mdx);
  });
});

describe('the seed printed to PDF by LibreOffice', async () => {
  const { paragraphs, warnings } = await readPdfParagraphs(seed('pdf'));
  const textStructure = structureOf(seedText.split('\n'));

  it('loses no character (whitespace aside) and adds none', () => {
    expect(normalizeForLosslessCheck(paragraphs.join('\n'))).toBe(normalizeForLosslessCheck(seedText));
    expect(warnings).toEqual([]);
  });

  it('has the outline of the text: 一、履职情况 / 二、主要问题 / 三、下步打算 with their sub-sections', () => {
    const pdfStructure = structureOf(paragraphs);
    expect(pdfStructure.sections).toEqual(textStructure.sections);
    expect(pdfStructure.sections.map((s) => `${s.title}:${s.role}`)).toEqual(['一、履职情况:review', '二、主要问题:problems', '三、下步打算:plans']);
  });

  it('has the nine commitments c-3-{1,2,3}-e{1,2,3} and the metrics of the text', () => {
    const pdfStructure = structureOf(paragraphs);
    expect(pdfStructure.commitments.map((c) => c.split(' ')[0])).toEqual(
      ['1', '2', '3'].flatMap((section) => ['1', '2', '3'].map((item) => `c-3-${section}-e${item}`)),
    );
    expect(pdfStructure.commitments).toEqual(textStructure.commitments);
    expect(pdfStructure.metrics).toEqual(textStructure.metrics);
    expect(pdfStructure.metrics.length).toBeGreaterThan(20);
  });

  it('joins the lines back into the paragraphs of the text and drops the spaces around "2021 年"', () => {
    expect(paragraphs).toEqual(seedText.split('\n').filter((line) => line.trim() !== ''));
    const fromPdf = importReport({ paragraphs, fileName: `${fileName}.pdf`, overrides });
    expect(fromPdf.mdx).toBe(fromText.mdx);
  });
});
