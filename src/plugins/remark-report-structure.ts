// The plan of a report's structure (outline, roles, commitments, metrics, and the stable HTML ids of headings
// and commitments), shared by the site's Sätteri plugin (satteri-report-structure.ts) and this unified remark
// plugin, which the site no longer runs: it stays as the reference the Sätteri plugin's tests and
// bench/mdx-compile.ts measure against, for anyone compiling reports with unified.

import type { Heading, Nodes, Paragraph, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { createHash } from 'node:crypto';
import { analyzeReportParts, toHeadingId, analyzeInputOf, type AnalyzeInput, type ReportAnalysis } from '../lib/structure/analyze.ts';
import { flattenOutline, type Block } from '../lib/structure/outline.ts';
import { ANALYSIS_KEY_FIELD, keepReportAnalysis, reportAnalysisOf, type StoredReportAnalysis } from './report-analysis-store.ts';
import type { RoleKeywords } from '../lib/structure/section-roles.ts';

export interface RemarkReportStructureOptions {
  keywords?: RoleKeywords;
}

/** The part of a vfile we use; a unified VFile fits. */
interface FileLike {
  data: Record<string, unknown>;
  path?: string;
}

/**
 * The element of an anchor inside a paragraph, `<a id="c-…"></a>`: HTML's own mark for a place in the text,
 * and a 1,000-report archive has some 300,000 of them (as `<span>`, 1.7 MB more).
 */
export const ANCHOR_ELEMENT = 'a';

/** An empty mdast node that becomes `<a id="…"></a>` in HTML: an anchor inside a paragraph. */
interface AnchorNode {
  type: 'reportAnchor';
  data: { hName: typeof ANCHOR_ELEMENT; hProperties: { id: string } };
}

function setHProperty(node: Nodes, name: string, value: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  (data.hProperties ??= {})[name] = value;
}

function readFrontmatter(file: FileLike): Record<string, unknown> {
  const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
  return (astro.frontmatter ??= {});
}


/**
 * How many characters of a paragraph's text a node holds, as mdast-util-to-string counts them (the offsets
 * of commitments); -1 for a node that holds only its children's text, or none.
 */
export function anchorTextLength(node: Nodes): number {
  return 'value' in node ? node.value.length : node.type === 'image' ? (node.alt ?? '').length : -1;
}

/**
 * Inserts an anchor before the character at `offset` of the paragraph's text (as
 * mdast-util-to-string counts it), splitting a text node if needed.
 */
export function insertAnchor(paragraph: Paragraph, offset: number, id: string): boolean {
  const anchor: AnchorNode = { type: 'reportAnchor', data: { hName: ANCHOR_ELEMENT, hProperties: { id } } };
  let position = 0;
  const walk = (parent: Parents): boolean => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      const length = anchorTextLength(child);
      if (length < 0) {
        if ('children' in child && walk(child)) return true;
        continue;
      }
      if (offset < position + length) {
        const cut = offset - position;
        const siblings = parent.children as Nodes[];
        if (child.type === 'text' && cut > 0) {
          siblings.splice(i, 1, { type: 'text', value: child.value.slice(0, cut) }, anchor as unknown as Nodes, { type: 'text', value: child.value.slice(cut) });
        } else siblings.splice(i, 0, anchor as unknown as Nodes);
        return true;
      }
      position += length;
    }
    return false;
  };
  return walk(paragraph);
}

/** The analysis this plugin stored on a file, if any. */
export function readReportAnalysis(file: FileLike): ReportAnalysis | undefined {
  const frontmatter = readFrontmatter(file);
  return frontmatter[ANALYSIS_KEY_FIELD] === undefined ? undefined : reportAnalysisOf(frontmatter).analysis;
}

/** What the analysis marks in a report's tree, by block index (the headings and paragraphs in document order). */
export interface StructureMarks {
  /** Headings: their HTML id, and for a top-level section its role. */
  headings: Map<number, { id: string; role?: string }>;
  /** Paragraphs named by their first commitment. */
  paragraphIds: Map<number, string>;
  /** Later commitments of a paragraph: an empty anchor before the character at `offset` (mdast-util-to-string's count). */
  anchors: Map<number, { offset: number; id: string }[]>;
}

/** A digest of everything the analysis reads: equal digests, equal analyses (it is a pure function of these). */
export function analyzeInputDigest(input: AnalyzeInput): string {
  return createHash('sha1')
    .update(JSON.stringify([input.blocks, input.title ?? null, input.year ?? null, input.sectionRoles ?? null, input.keywords ?? null]))
    .digest('hex');
}

/** A report's analysis and outline with the ids that go into its tree: what the follow-up worker hands the MDX build. */
export interface PlannedStructure {
  stored: StoredReportAnalysis;
  marks: StructureMarks;
}

/** Analyses a report (src/lib/structure/analyze.ts) and says which ids go where. */
export function planStructure(input: AnalyzeInput): PlannedStructure {
  const { analysis, outline, roles, commitments } = analyzeReportParts(input);
  const marks: StructureMarks = { headings: new Map(), paragraphIds: new Map(), anchors: new Map() };
  for (const section of flattenOutline(outline)) {
    marks.headings.set(section.blockIndex, { id: toHeadingId(section.id), ...(section.level === 1 ? { role: roles[section.id] ?? 'other' } : {}) });
  }
  // The first commitment of a paragraph names the paragraph; later ones get a span anchor.
  for (const commitment of commitments) {
    if (commitment.form === 'item' || input.blocks[commitment.blockIndex]?.heading !== false) continue;
    if (!marks.paragraphIds.has(commitment.blockIndex)) marks.paragraphIds.set(commitment.blockIndex, commitment.id);
    else {
      const list = marks.anchors.get(commitment.blockIndex) ?? [];
      list.push({ offset: commitment.offset, id: commitment.id });
      marks.anchors.set(commitment.blockIndex, list);
    }
  }
  // The outline keeps each section's paragraphs: follow-up matching and comparison read them.
  return { stored: { analysis, outline }, marks };
}

/**
 * Plans a report's structure from its blocks, or takes the plan the follow-up worker made of the same input
 * (`precomputed`, looked up by the input's digest); stores the analysis for the pages and puts its key in the
 * frontmatter. The processors' plugins (this file's for unified, satteri-report-structure.ts for Sätteri)
 * read the blocks and apply the marks to their own trees.
 */
export function planReportStructure(
  blocks: Block[],
  frontmatter: Record<string, unknown>,
  path: string | undefined,
  keywords?: RoleKeywords,
  precomputed?: (digest: string) => PlannedStructure | undefined,
): StructureMarks {
  const input = analyzeInputOf(blocks, frontmatter, keywords);
  const planned = (precomputed && precomputed(analyzeInputDigest(input))) ?? planStructure(input);
  frontmatter[ANALYSIS_KEY_FIELD] = keepReportAnalysis(path, planned.stored);
  return planned.marks;
}

export default function remarkReportStructure(options: RemarkReportStructureOptions = {}) {
  return (tree: Root, file: FileLike): void => {
    const blocks: Block[] = [];
    const nodes: (Heading | Paragraph)[] = [];
    visit(tree, (node) => {
      if (node.type === 'heading') blocks.push({ text: toString(node), heading: true, depth: node.depth });
      else if (node.type === 'paragraph') blocks.push({ text: toString(node), heading: false });
      else return;
      nodes.push(node);
    });
    const marks = planReportStructure(blocks, readFrontmatter(file), file.path, options.keywords);
    for (const [index, { id, role }] of marks.headings) {
      setHProperty(nodes[index]!, 'id', id);
      if (role) setHProperty(nodes[index]!, 'dataRole', role);
    }
    for (const [index, id] of marks.paragraphIds) setHProperty(nodes[index]!, 'id', id);
    for (const [index, anchors] of marks.anchors) {
      for (const { offset, id } of anchors) insertAnchor(nodes[index] as Paragraph, offset, id);
    }
  };
}
