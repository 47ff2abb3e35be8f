// The report-structure plugin for Sätteri, the Rust Markdown/MDX compiler Astro 7 uses by default: the same
// analysis and the same ids as remark-report-structure.ts (planReportStructure), applied through Sätteri's
// mutation API. Block texts are read with mdast-util-to-string, as under unified, so the analysis is the one
// `nianjian analyze` computes from the same file; the follow-up worker reads the same blocks through
// Sätteri's visitors (readReportBlocks) and hands its plan over (follow-up-precompute.ts).
import type { Nodes, Paragraph, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { defineMdastPlugin, markdownToJs, mdxToJs, type MdastVisitorContext } from 'satteri';
import { fileURLToPath } from 'node:url';
import type { Block } from '../lib/structure/outline.ts';
import type { RoleKeywords } from '../lib/structure/section-roles.ts';
import { ANCHOR_ELEMENT, anchorTextLength, planReportStructure } from './remark-report-structure.ts';
import { takePrecomputedStructure } from '../node/follow-up-precompute.ts';

/** An empty node Sätteri renders as `<a id="…"></a>`. */
const anchorNode = (id: string) => ({ type: 'custom', data: { hName: ANCHOR_ELEMENT, hProperties: { id } } }) as unknown as Nodes;

/** Headings and paragraphs in document order (depth first, as unist-util-visit walks). */
function collectBlockNodes(root: Root): Nodes[] {
  const found: Nodes[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'heading' || node.type === 'paragraph') found.push(node);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(root);
  return found;
}

function withHProperties(node: Nodes, properties: Record<string, unknown>): Record<string, unknown> {
  const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
  return { ...data, hProperties: { ...data.hProperties, ...properties } };
}

/**
 * Puts empty anchors before the characters at the given offsets of a paragraph's text (mdast-util-to-string's
 * count, as remark-report-structure's insertAnchor): each text node holding anchors is replaced once by its
 * pieces, since Sätteri applies a pass's mutations together.
 */
function insertAnchors(paragraph: Paragraph, anchors: readonly { offset: number; id: string }[], ctx: MdastVisitorContext): void {
  const pending = [...anchors].sort((a, b) => a.offset - b.offset);
  let position = 0;
  const walk = (parent: Parents) => {
    for (const child of parent.children as Nodes[]) {
      if (pending.length === 0) return;
      const length = anchorTextLength(child);
      if (length < 0) {
        if ('children' in child) walk(child);
        continue;
      }
      const inside: { cut: number; id: string }[] = [];
      while (pending.length > 0 && pending[0]!.offset < position + length) {
        const { offset, id } = pending.shift()!;
        inside.push({ cut: offset - position, id });
      }
      if (inside.length > 0) {
        if (child.type !== 'text') ctx.insertBefore(child, inside.map(({ id }) => anchorNode(id)));
        else {
          const pieces: Nodes[] = [];
          let from = 0;
          for (const { cut, id } of inside) {
            if (cut > from) pieces.push({ type: 'text', value: child.value.slice(from, cut) });
            pieces.push(anchorNode(id));
            from = Math.max(from, cut);
          }
          pieces.push({ type: 'text', value: child.value.slice(from) });
          ctx.replaceNode(child, pieces as never);
        }
      }
      position += length;
    }
  };
  walk(paragraph);
}

/** The Markdown features the reports compile with (astro.config.mjs): GFM, and no smart punctuation, so the reports' own quotation marks stay as written. */
export const REPORT_FEATURES = { gfm: true, smartPunctuation: false } as const;

/**
 * The blocks this plugin analyses, in the same order and with the same text (Sätteri's textContent is
 * mdast-util-to-string's), read by visitors without building the tree in JavaScript: for the follow-up
 * worker, whose analysis the plugin then takes instead of analysing the report again.
 */
export function readReportBlocks(body: string, { mdx }: { mdx: boolean }): Block[] {
  const blocks: Block[] = [];
  const reader = defineMdastPlugin({
    name: 'nianjian-read-blocks',
    heading(node, ctx) { blocks.push({ text: ctx.textContent(node), heading: true, depth: node.depth }); },
    paragraph(node, ctx) { blocks.push({ text: ctx.textContent(node), heading: false }); },
  });
  const options = { mdastPlugins: [reader], features: REPORT_FEATURES };
  if (mdx) mdxToJs(body, options);
  else markdownToJs(body, options);
  return blocks;
}

export function satteriReportStructure(options: { keywords?: RoleKeywords } = {}) {
  return defineMdastPlugin({
    name: 'nianjian-report-structure',
    after(root, ctx) {
      const nodes = collectBlockNodes(root as Root);
      const blocks: Block[] = nodes.map((node) =>
        node.type === 'heading' ? { text: toString(node), heading: true, depth: node.depth } : { text: toString(node), heading: false },
      );
      const astro = ((ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
      const frontmatter = (astro.frontmatter ??= {});
      const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined;
      // An internal build's worker has usually analysed the report already (follow-up-precompute.ts).
      const marks = planReportStructure(blocks, frontmatter, file, options.keywords, (digest) => takePrecomputedStructure(file, digest));
      for (const [index, { id, role }] of marks.headings) {
        ctx.setProperty(nodes[index]!, 'data', withHProperties(nodes[index]!, role ? { id, dataRole: role } : { id }));
      }
      for (const [index, id] of marks.paragraphIds) ctx.setProperty(nodes[index]!, 'data', withHProperties(nodes[index]!, { id }));
      for (const [index, anchors] of marks.anchors) insertAnchors(nodes[index] as Paragraph, anchors, ctx);
    },
  });
}
