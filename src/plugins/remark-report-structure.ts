// Remark plugin for the MDX build: analyses a report's structure (outline, roles,
// commitments, metrics), gives headings and commitments stable HTML ids, and hands the
// analysis to the pages through report-analysis-store.ts (its key in the frontmatter).

import type { Heading, Nodes, Paragraph, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { analyzeReportParts, toHeadingId, type ReportAnalysis } from '../lib/structure/analyze.ts';
import { flattenOutline, type Block } from '../lib/structure/outline.ts';
import { ANALYSIS_KEY_FIELD, keepReportAnalysis, reportAnalysisOf } from './report-analysis-store.ts';
import { parseRoleOverrides, type RoleKeywords } from '../lib/structure/section-roles.ts';

export interface RemarkReportStructureOptions {
  keywords?: RoleKeywords;
}

/** The part of a vfile we use; a unified VFile fits. */
interface FileLike {
  data: Record<string, unknown>;
  path?: string;
}

/** An empty mdast node that becomes `<span id="…"></span>` in HTML: an anchor inside a paragraph. */
interface AnchorNode {
  type: 'reportAnchor';
  data: { hName: 'span'; hProperties: { id: string } };
}

function setHProperty(node: Nodes, name: string, value: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  (data.hProperties ??= {})[name] = value;
}

function getHProperty(node: Nodes, name: string): unknown {
  return (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties?.[name];
}

function readFrontmatter(file: FileLike): Record<string, unknown> {
  const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
  return (astro.frontmatter ??= {});
}


/**
 * Inserts an anchor before the character at `offset` of the paragraph's text (as
 * mdast-util-to-string counts it), splitting a text node if needed.
 */
export function insertAnchor(paragraph: Paragraph, offset: number, id: string): boolean {
  const anchor: AnchorNode = { type: 'reportAnchor', data: { hName: 'span', hProperties: { id } } };
  let position = 0;
  const walk = (parent: Parents): boolean => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      const length = 'value' in child ? child.value.length : child.type === 'image' ? (child.alt ?? '').length : -1;
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

    const frontmatter = readFrontmatter(file);
    const title = typeof frontmatter['title'] === 'string' ? frontmatter['title'] : undefined;
    const year = typeof frontmatter['year'] === 'number' ? frontmatter['year'] : undefined;
    const sectionRoles = parseRoleOverrides(frontmatter['sectionRoles']);
    const { analysis, outline, roles, commitments } = analyzeReportParts({
      blocks,
      ...(title !== undefined ? { title } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(sectionRoles ? { sectionRoles } : {}),
      ...(options.keywords ? { keywords: options.keywords } : {}),
    });

    for (const section of flattenOutline(outline)) {
      const heading = nodes[section.blockIndex]!;
      setHProperty(heading, 'id', toHeadingId(section.id));
      if (section.level === 1) setHProperty(heading, 'dataRole', roles[section.id] ?? 'other');
    }

    // The first commitment of a paragraph names the paragraph; later ones get a span anchor.
    for (const commitment of commitments) {
      if (commitment.form === 'item') continue;
      const paragraph = nodes[commitment.blockIndex];
      if (paragraph?.type !== 'paragraph') continue;
      if (getHProperty(paragraph, 'id') === undefined) setHProperty(paragraph, 'id', commitment.id);
      else insertAnchor(paragraph, commitment.offset, commitment.id);
    }

    // The outline keeps each section's paragraphs: follow-up matching and comparison read them.
    frontmatter[ANALYSIS_KEY_FIELD] = keepReportAnalysis(file.path, { analysis, outline });
  };
}
