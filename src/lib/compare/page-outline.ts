// The outline of a report as its published page shows it, for comparing two reports in the browser.
// The per-report data file leaves the paragraphs out (the page already carries them: writing them
// twice doubled the archive's size), so the browser reads them back from the page's headings and paragraphs.

import type { Outline, OutlineSection } from '../structure/outline.ts';

/** A heading (with its HTML id, "s-1-2") or a paragraph of the report body, in page order. */
export type PageBlock = { kind: 'heading'; id: string; title: string } | { kind: 'paragraph'; text: string };

/** Section "1.2" from heading id "s-1-2"; null for headings that are not the report's own sections. */
function sectionIdOf(headingId: string): string | null {
  return /^s-\d+(?:-\d+)*$/.test(headingId) ? headingId.slice(2).replaceAll('-', '.') : null;
}

/** Rebuilds the section tree and each section's own paragraphs; paragraphs before the first heading are the preamble. */
export function outlineFromPage(blocks: readonly PageBlock[]): Outline {
  const outline: Outline = { preamble: [], sections: [], closing: [] };
  const byId = new Map<string, OutlineSection>();
  let current: OutlineSection | null = null;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (current) current.body.push(block.text);
      else outline.preamble.push(block.text);
      continue;
    }
    const id = sectionIdOf(block.id);
    if (id === null) continue;
    const section: OutlineSection = {
      id, title: block.title, marker: '', style: null, ordinal: null, level: id.split('.').length,
      blockIndex: -1, body: [], bodyRefs: [], children: [],
    };
    const parent = byId.get(id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '');
    (parent ? parent.children : outline.sections).push(section);
    byId.set(id, section);
    current = section;
  }
  return outline;
}
