// Renders MDX and returns its text, for the importer's lossless tests, with both compilers
// Astro 7 can use for .mdx:
// - Sätteri, Astro 7's default processor, with GFM and smart punctuation on (Astro's defaults,
//   and the strictest case: "--", "..." and straight quotes are rewritten unless escaped);
//   mdxToHast runs its parser and mdast→hast conversion, so we read the text of the page;
// - @mdx-js/mdx with remark-gfm, the unified pipeline (@astrojs/markdown-remark) the site is
//   configured with; evaluated with a JSX runtime that builds plain objects, so the text is
//   what the compiled component really renders.

import { evaluateSync } from '@mdx-js/mdx';
import type { Nodes } from 'hast';
import { toString } from 'hast-util-to-string';
import remarkGfm from 'remark-gfm';
import { mdxToHast } from 'satteri';

/** Astro's defaults for .mdx (markdown.gfm and markdown.smartypants are both true). */
export const satteriFeatures = { gfm: true, smartPunctuation: true } as const;

const MDX_NODES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);

/** Node types in a hast tree that are MDX code rather than text; escaped text must have none. */
function findMdxNodes(tree: { type: string; children?: unknown[] }): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (MDX_NODES.has(node.type)) found.push(node.type);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return found;
}

/** The rendered text of an MDX body (no frontmatter) compiled by Sätteri, plus any MDX code nodes in it. */
export function renderMdxText(mdx: string): { text: string; mdxNodes: string[] } {
  const tree = mdxToHast(mdx, { features: satteriFeatures, position: false }) as unknown as Nodes & { type: string };
  return { text: toString(tree), mdxNodes: findMdxNodes(tree) };
}

interface Element {
  props?: { children?: unknown };
}

function collectText(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(collectText).join('');
  return collectText((node as Element).props?.children);
}

const jsx = (type: unknown, props: Record<string, unknown>): unknown => ({ type, props });

/** The text an MDX body renders to when compiled and run by @mdx-js/mdx (with remark-gfm). */
export function renderMdxTextWithMdxJs(mdx: string): string {
  const runtime = { Fragment: Symbol('Fragment'), jsx, jsxs: jsx };
  const { default: Content } = evaluateSync(mdx, { ...runtime, remarkPlugins: [remarkGfm] } as unknown as Parameters<typeof evaluateSync>[1]);
  return collectText((Content as unknown as (props: object) => unknown)({}));
}
