// An existing report (plain text, Word paragraphs, or Markdown blocks) turned into a report
// MDX file. Lossless: every line of the source is in the body, headings included, escaped
// so that MDX renders the very same characters; only whitespace layout changes.

import { stringify } from 'yaml';
import { analyzeReportParts, textToBlocks } from '../structure/analyze.ts';
import { ImportError } from './decode-text.ts';
import { escapeMdxText } from './mdx-escape.ts';
import { flattenOutline, matchNumbering, type Block, type Outline } from '../structure/outline.ts';
import type { Confidentiality } from '../report-schema.ts';
import { composeTitle, detectReportMetadata } from './report-metadata.ts';
import type { SectionRole } from '../structure/section-roles.ts';

export interface ImportOverrides {
  title?: string | undefined;
  year?: number | undefined;
  unit?: string | undefined;
  kind?: string | undefined;
  author?: string | undefined;
  date?: string | undefined;
  confidentiality?: Confidentiality | undefined;
}

export interface ImportInput {
  /** Plain text, one paragraph a line. */
  text?: string;
  /** Paragraphs of a Word document (readDocxParagraphs); line breaks inside become separate lines. */
  paragraphs?: readonly string[];
  /** Blocks of a Markdown file, headings marked. */
  blocks?: readonly Block[];
  fileName: string;
  /** From the command line; win over everything else. */
  overrides?: ImportOverrides;
  /** From the source's own frontmatter (a .md file); win over what the text says. */
  defaults?: ImportOverrides;
}

export interface ImportedFrontmatter {
  title: string;
  year: number;
  unit: string;
  author?: string;
  kind: string;
  date?: string;
  tags: string[];
  confidentiality: Confidentiality;
}

export interface ImportSummary {
  /** Top-level sections with their role, in order. */
  sections: { id: string; title: string; role: SectionRole }[];
  commitments: number;
  metrics: number;
}

export interface ImportedReport {
  mdx: string;
  frontmatter: ImportedFrontmatter;
  summary: ImportSummary;
  warnings: string[];
}

/** The text with all whitespace removed: what must survive an import unchanged. */
export function normalizeForLosslessCheck(text: string): string {
  return text.replace(/\s+/g, '');
}

function toBlocks(input: ImportInput): Block[] {
  if (input.blocks) return input.blocks.filter((block) => block.text.trim() !== '');
  if (input.paragraphs) return textToBlocks(input.paragraphs.join('\n'));
  return textToBlocks(input.text ?? '');
}

/** Same test as parseOutline's: a bare marker followed by an unnumbered plain paragraph. */
function numbersNextParagraph(block: Block, next: Block): boolean {
  const nextText = next.text.trim();
  return block.heading === undefined && next.heading === undefined && matchNumbering(block.text)?.rest === ''
    && nextText !== '' && matchNumbering(nextText) === null;
}

/**
 * The MDX body: each block a paragraph, in source order; a block the outline reads as a
 * heading becomes `##`…`#####` by its level, and body text on the heading's line
 * ("1.强化政治意识，持续抓好理论学习。一是…") is split off into the paragraph below it.
 */
function renderBody(blocks: readonly Block[], outline: Outline): string {
  const sections = flattenOutline(outline);
  const headingAt = new Map(sections.map((section) => [section.blockIndex, section]));
  const restAt = new Map<number, number>();
  for (const section of sections) {
    for (const ref of section.bodyRefs) if (ref.blockIndex === section.blockIndex) restAt.set(ref.blockIndex, ref.offset);
  }
  const out: string[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const text = block.text.trim();
    const section = headingAt.get(index);
    if (!section) {
      const next = blocks[index + 1];
      // A marker alone on its line ("一、" in 1955/1986) numbers the next paragraph: the outline
      // reads the two as one, and so must a later reading of this file.
      if (next && numbersNextParagraph(block, next) && !headingAt.has(index + 1)) {
        out.push(escapeMdxText(text + next.text.trim()));
        index++;
      } else if (text !== '') out.push(escapeMdxText(text));
      continue;
    }
    // The heading is cut from the source line, not taken from section.title, so that no
    // character is dropped or changed (the outline tidies titles, e.g. spaces after "一、").
    const split = restAt.get(index) ?? block.text.length;
    const heading = block.text.slice(0, split).trim();
    const rest = block.text.slice(split).trim();
    out.push(`${'#'.repeat(Math.min(section.level, 4) + 1)} ${escapeMdxText(heading)}`);
    if (rest !== '') out.push(escapeMdxText(rest));
  }
  return out.join('\n\n');
}

function pick<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}

/** Imports one report: frontmatter from the text (and overrides), the body losslessly as MDX. */
export function importReport(input: ImportInput): ImportedReport {
  const blocks = toBlocks(input);
  if (blocks.length === 0) throw new ImportError('没有文字内容', input.fileName);
  const over = input.overrides ?? {};
  const defaults = input.defaults ?? {};
  const { outline, analysis } = analyzeReportParts({ blocks });
  const lines = blocks.map((block) => block.text.trim());
  const detected = detectReportMetadata(lines, input.fileName, outline.sections.map((s) => s.title));
  const warnings: string[] = [];

  const year = pick(over.year, defaults.year, detected.year);
  if (year === undefined) throw new ImportError('无法从标题、日期、文件名或正文判断报告年份，请用 --year 指定', input.fileName);
  if (detected.yearFrom === 'text' && over.year === undefined && defaults.year === undefined) {
    warnings.push(`年份 ${year} 取自正文中最先出现的年份，请核对（可用 --year 指定）`);
  }
  const unit = pick(over.unit, defaults.unit, detected.unit)?.trim();
  if (!unit) throw new ImportError('无法从正文判断报告单位，请用 --unit 指定（如 --unit 市社科联）', input.fileName);
  const foundKind = pick(over.kind, defaults.kind, detected.kind);
  if (foundKind === undefined) warnings.push('未能判断报告类型，已设为“其他”（可用 --kind 指定）');
  const kind = foundKind ?? '其他';
  if (detected.unitGuessed && pick(over.unit, defaults.unit) === undefined) warnings.push(`单位“${unit}”是根据正文推断的，请核对（可用 --unit 指定）`);
  // Titles name the place as archives do: "2018年海拉尔区政府工作报告", but "2024年政府工作报告".
  const place = /^(?:国务院|中央人民政府)$/.test(unit) ? '' : unit.replace(/(?<=[省市区县旗州盟])人民政府$/, '');
  const title = pick(over.title, defaults.title) ?? composeTitle(detected.titleLine, year, kind, place);
  const author = pick(over.author, defaults.author, detected.author);
  const date = pick(over.date, defaults.date, detected.date);

  const frontmatter: ImportedFrontmatter = {
    title,
    year,
    unit,
    ...(author ? { author } : {}),
    kind,
    ...(date ? { date } : {}),
    tags: [],
    confidentiality: pick(over.confidentiality, defaults.confidentiality) ?? 'internal',
  };
  if (outline.sections.length === 0) warnings.push('未识别出编号标题（一、（一）1. 等），正文全部作为段落导入');

  const summary: ImportSummary = {
    sections: analysis.sections.map((s) => ({ id: s.id, title: s.title, role: s.role })),
    commitments: analysis.commitments.length,
    metrics: analysis.metrics.length,
  };
  const mdx = `---\n${stringify(frontmatter).trimEnd()}\n---\n\n${renderBody(blocks, outline)}\n`;
  return { mdx, frontmatter, summary, warnings };
}
