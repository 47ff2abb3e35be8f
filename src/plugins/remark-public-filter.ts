// Public builds only: drops <Internal>…</Internal> blocks and masks redacted names before anything else
// reads the text, so neither the page, the analysis, nor the search index ever sees them.

import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { createRedactor } from '../lib/redact.ts';

export interface RemarkPublicFilterOptions {
  /** Names and phrases from the site config; a report adds its own with frontmatter `redact`. */
  redact?: readonly string[];
  mask?: string;
}

interface FileLike {
  data: Record<string, unknown>;
}

export const internalComponentName = 'Internal';

export default function remarkPublicFilter(options: RemarkPublicFilterOptions = {}) {
  return (tree: Root, file: FileLike): void => {
    const frontmatter = ((file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ?? {});
    const own = Array.isArray(frontmatter['redact']) ? frontmatter['redact'].map(String) : [];
    const redact = createRedactor([...(options.redact ?? []), ...own], options.mask);
    visit(tree, (node, index, parent) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === internalComponentName) {
        if (parent && index !== undefined) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
      }
      if ('value' in node && typeof node.value === 'string') node.value = redact(node.value);
      if (node.type === 'image' || node.type === 'imageReference') node.alt = redact(node.alt ?? '');
      return undefined;
    });
  };
}
