/**
 * How corpus reports come through `nianjian import` as Word 97–2003 (.doc) and PDF files.
 * LibreOffice (Debian's libreoffice-writer-nogui) converts each corpus text to .doc and to PDF,
 * in two layouts:
 *  - plain:  the .txt as LibreOffice opens it (flush left, space between paragraphs);
 *  - office: a Word document made with the docx package as offices set reports (A4, 12 pt,
 *            first-line indent of two characters, no space between paragraphs, the title as
 *            running header and "— n —" page numbers as footer), then saved as .doc and PDF.
 * Each file is read as the importer reads it (readReportInput) and compared with the text:
 * same outline (section ids, titles, levels, roles), no lost or added character (whitespace
 * aside, normalizeForLosslessCheck), and the same commitments and metrics.
 *
 *   npx node bench/import-formats.ts [--limit=N] [--verbose] [--work=DIR]
 *
 * --work=DIR keeps the converted files in DIR and, when it already has them, measures again
 * without converting (for working on the importer).
 * Without soffice on the PATH it says so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { analyzeReport, textToBlocks, type AnalyzedSection } from '../src/lib/structure/analyze.ts';
import { normalizeForLosslessCheck } from '../src/lib/import/import-report.ts';
import { readReportInput } from '../src/node/read-report-input.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const VERBOSE = process.argv.includes('--verbose');
const LIMIT = Number(process.argv.find((a) => a.startsWith('--limit='))?.slice(8) ?? Infinity);

if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.log('LibreOffice (soffice) is not installed: nothing measured. On Debian: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk');
  process.exit(0);
}

const sources = ['gov-work-reports', 'hailar-district-gov-work-reports'].flatMap((dir) =>
  readdirSync(path.join(CORPUS, dir)).filter((name) => name.endsWith('.txt')).sort().map((name) => ({ dir, name, file: path.join(CORPUS, dir, name) })),
).slice(0, LIMIT);

const given = process.argv.find((a) => a.startsWith('--work='))?.slice(7);
const work = given ? path.resolve(given) : mkdtempSync(path.join(tmpdir(), 'nianjian-bench-formats-'));
const converted = given !== undefined && existsSync(path.join(work, 'office-pdf'));
const profile = `file://${path.join(work, 'lo-profile')}`;

/** A Word document of the text as an office would set it (see the module comment). */
async function officeDocx(text: string): Promise<Buffer> {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const title = lines[0]!.slice(0, 30);
  const document = new Document({
    styles: { default: { document: { run: { size: 24, font: { eastAsia: 'Noto Serif CJK SC', ascii: 'Liberation Serif' } } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(title)] })] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
      children: lines.map((line) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(line)] })),
    }],
  });
  return Packer.toBuffer(document);
}

/** Converts files to a format with one LibreOffice run (a private profile, so it runs beside another). */
function convert(files: string[], format: 'doc' | 'pdf', outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 1_200_000 });
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
}

function flatten(sections: AnalyzedSection[]): string[] {
  return sections.flatMap((s) => [`${s.id} ${s.level} ${s.role} ${normalizeForLosslessCheck(s.title)}`, ...flatten(s.children)]);
}

function structureOf(paragraphs: readonly string[]) {
  const analysis = analyzeReport({ blocks: textToBlocks(paragraphs.join('\n')) });
  return {
    outline: flatten(analysis.sections),
    commitments: analysis.commitments.map((c) => `${c.id} ${normalizeForLosslessCheck(c.text)}`),
    metrics: analysis.metrics.map((m) => `${m.label} ${m.value}${m.unit}`),
  };
}

/** Where two normalised texts part, with some context, for the failure list. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: text «${a.slice(Math.max(0, i - 12), i + 12)}» vs import «${b.slice(Math.max(0, i - 12), i + 12)}»`;
}

const firstOutlineDifference = (a: string[], b: string[]) => {
  const i = a.findIndex((line, index) => line !== b[index]);
  return `section ${i}: text «${a[i] ?? '—'}» vs import «${b[i] ?? '—'}»`;
};

interface Tally { files: number; outline: number; lossless: number; commitments: number; metrics: number; paragraphs: number; ms: number; failures: string[] }

if (!converted) {
  console.log(`${sources.length} corpus reports; converting with LibreOffice in ${work} …`);
  const started = Date.now();
  const plainDir = path.join(work, 'plain');
  const officeDir = path.join(work, 'office');
  mkdirSync(officeDir, { recursive: true });
  for (const source of sources) writeFileSync(path.join(officeDir, `${source.dir}-${source.name.replace(/\.txt$/, '.docx')}`), await officeDocx(readFileSync(source.file, 'utf8')));
  mkdirSync(plainDir, { recursive: true });
  const plainInputs = sources.map((source) => {
    const copy = path.join(plainDir, `${source.dir}-${source.name}`);
    writeFileSync(copy, readFileSync(source.file));
    return copy;
  });
  const officeInputs = readdirSync(officeDir).filter((name) => name.endsWith('.docx')).sort().map((name) => path.join(officeDir, name));
  for (const format of ['doc', 'pdf'] as const) {
    convert(plainInputs, format, path.join(work, `plain-${format}`));
    convert(officeInputs, format, path.join(work, `office-${format}`));
  }
  console.log(`converted in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

const results = new Map<string, Tally>();
for (const layout of ['plain', 'office'] as const) {
  for (const format of ['doc', 'pdf'] as const) {
    const tally: Tally = { files: 0, outline: 0, lossless: 0, commitments: 0, metrics: 0, paragraphs: 0, ms: 0, failures: [] };
    results.set(`${layout} ${format}`, tally);
    for (const source of sources) {
      const file = path.join(work, `${layout}-${format}`, `${source.dir}-${source.name.replace(/\.txt$/, `.${format}`)}`);
      const label = `${source.dir}/${source.name}`;
      tally.files++;
      const text = readFileSync(source.file, 'utf8');
      const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
      let paragraphs: string[];
      const t0 = performance.now();
      try {
        paragraphs = (await readReportInput(file)).paragraphs ?? [];
      } catch (error) {
        tally.failures.push(`${label}: not read: ${(error as Error).message}`);
        continue;
      }
      tally.ms += performance.now() - t0;
      const expected = structureOf(lines);
      const got = structureOf(paragraphs);
      const sameOutline = JSON.stringify(expected.outline) === JSON.stringify(got.outline);
      const lossless = normalizeForLosslessCheck(lines.join('')) === normalizeForLosslessCheck(paragraphs.join(''));
      tally.outline += Number(sameOutline);
      tally.lossless += Number(lossless);
      tally.commitments += Number(JSON.stringify(expected.commitments) === JSON.stringify(got.commitments));
      tally.metrics += Number(JSON.stringify(expected.metrics) === JSON.stringify(got.metrics));
      tally.paragraphs += Number(paragraphs.length === lines.length);
      if (!lossless) tally.failures.push(`${label}: characters differ ${firstDifference(normalizeForLosslessCheck(lines.join('')), normalizeForLosslessCheck(paragraphs.join('')))}`);
      const firstOf = (a: string[], b: string[]) => { const i = a.findIndex((x, k) => x !== b[k]); return `«${a[i] ?? '—'}» vs «${b[i] ?? '—'}»`; };
      if (JSON.stringify(expected.commitments) !== JSON.stringify(got.commitments)) tally.failures.push(`${label}: commitments differ (${expected.commitments.length} vs ${got.commitments.length}) ${firstOf(expected.commitments, got.commitments).slice(0, 160)}`);
      if (JSON.stringify(expected.metrics) !== JSON.stringify(got.metrics)) tally.failures.push(`${label}: metrics differ (${expected.metrics.length} vs ${got.metrics.length}) ${firstOf(expected.metrics, got.metrics)}`);
      if (!sameOutline) tally.failures.push(`${label}: outline differs (${expected.outline.length} vs ${got.outline.length} sections) ${firstOutlineDifference(expected.outline, got.outline)}`);
    }
  }
}

console.log('layout  format  files  same outline  no lost char  same commitments  same metrics  same paragraph count  ms/file');
for (const [key, t] of results) {
  const [layout, format] = key.split(' ');
  console.log(`${layout!.padEnd(7)} ${format!.padEnd(7)} ${String(t.files).padStart(5)}  ${String(t.outline).padStart(12)}  ${String(t.lossless).padStart(12)}  ${String(t.commitments).padStart(16)}  ${String(t.metrics).padStart(12)}  ${String(t.paragraphs).padStart(20)}  ${(t.ms / Math.max(1, t.files)).toFixed(0).padStart(7)}`);
}
for (const [key, t] of results) {
  if (t.failures.length === 0) continue;
  console.log(`\n${key}: ${t.failures.length} problem(s)`);
  for (const failure of VERBOSE ? t.failures : t.failures.slice(0, 8)) console.log(`  ${failure}`);
  if (!VERBOSE && t.failures.length > 8) console.log(`  … ${t.failures.length - 8} more (--verbose)`);
}
