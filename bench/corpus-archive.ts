/**
 * The 61 reports of ../shared/corpus as the site build sees them: each .txt imported to MDX
 * (`nianjian import`), read back as Markdown blocks and analysed with its frontmatter year,
 * so that ids, sections and commitments are those of the built site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeReportParts } from '../src/lib/structure/analyze.ts';
import type { SeriesReport } from '../src/lib/compare/follow-up.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { importReport } from '../src/lib/import/import-report.ts';
import { readMarkdownBlocks } from '../src/lib/structure/markdown-blocks.ts';

export const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
export const CORPUS_FOLDERS = ['gov-work-reports', 'hailar-district-gov-work-reports'] as const;

/** A corpus report with the file it came from ("gov-work-reports/2021"). */
export type CorpusReport = SeriesReport & { kind: string; file: string };

/** One corpus file, imported and analysed; its id is "<folder>/<file year>". */
export function loadCorpusReport(folder: string, fileYear: number): CorpusReport {
  const text = fs.readFileSync(path.join(CORPUS, folder, `${fileYear}.txt`), 'utf8');
  const { mdx } = importReport({ text, fileName: `${fileYear}.txt` });
  const { data, body } = parseFrontmatter(mdx);
  const year = data['year'] as number;
  const { analysis, outline } = analyzeReportParts({ blocks: readMarkdownBlocks(body, { mdx: true }), title: data['title'] as string, year });
  // The national series changes its unit name over the decades (中央人民政府 → 国务院); one series here.
  const unit = folder === 'gov-work-reports' ? '国务院' : (data['unit'] as string);
  return { id: `${folder}/${fileYear}`, file: `${folder}/${fileYear}`, year, unit, kind: data['kind'] as string, analysis, outline };
}

/** Every corpus report, oldest first within each folder. */
export function loadCorpusArchive(): CorpusReport[] {
  return CORPUS_FOLDERS.flatMap((folder) => fs.readdirSync(path.join(CORPUS, folder))
    .filter((f) => /^\d{4}\.txt$/.test(f))
    .map((f) => Number(f.slice(0, 4)))
    .sort((a, b) => a - b)
    .map((year) => loadCorpusReport(folder, year)));
}
