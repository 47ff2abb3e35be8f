// The blocks of a Markdown or MDX report body, as the outline parser reads them: headings
// marked as such (with their depth), every other paragraph as text with Markdown escapes and
// character references resolved, so "\-\-" in an imported file is read as "--" again.

import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ImportError } from '../import/decode-text.ts';
import type { Block } from './outline.ts';

/** Soft line breaks inside a paragraph: nothing between CJK characters, a space elsewhere. */
function joinLines(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (_, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _.length] ?? '';
    return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(before + after) ? '' : ' ';
  });
}

/**
 * Headings become `heading: true` blocks with their depth; paragraphs (also inside lists,
 * quotes and table cells) `heading: false`, or undefined when the document marks no heading
 * at all, so that numbered lines of a plain Markdown file can still be found as headings.
 * The text inside JSX elements is kept; import/export lines and block expressions are code
 * and left out. `transform` edits the tree first (a public export drops <Internal> blocks as the build does).
 */
export function readMarkdownBlocks(markdown: string, { mdx, transform }: { mdx: boolean; transform?: ((tree: Root) => void) | undefined }): Block[] {
  let tree: Root;
  try {
    const processor = mdx ? unified().use(remarkParse).use(remarkMdx) : unified().use(remarkParse);
    tree = processor.parse(markdown);
  } catch (error) {
    throw new ImportError(`MDX 语法错误：${(error as Error).message.split('\n')[0]}`);
  }
  transform?.(tree);
  const blocks: Block[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') blocks.push({ text: joinLines(toString(node)), heading: true, depth: node.depth });
    else if (node.type === 'paragraph' || node.type === 'tableCell') blocks.push({ text: joinLines(toString(node)) });
    else if (node.type === 'code') blocks.push(...node.value.split('\n').map((line) => ({ text: line })));
    else if ('children' in node) node.children.forEach((child) => walk(child as Nodes));
  };
  walk(tree);
  const kept = blocks.filter((block) => block.text.trim() !== '');
  const marked = kept.some((block) => block.heading);
  return kept.map((block) => (marked && !block.heading ? { ...block, heading: false } : block));
}
