// Highlights the terms of a search (the `hl` parameter a search result carries) in the report text,
// scrolls to the first one when the link has no section hash, and offers to clear the highlights.
import { findHighlightRanges, highlightTermsFromQuery } from '../lib/search/highlight.ts';

const SKIP = 'script, style, noscript, template, mark.search-hit';

/**
 * The text nodes of the body, in order, as ONE run of text: the search index reads the page the same
 * way (blocks joined), so a phrase that a source breaks across two paragraphs ("把党风" / "廉政建设",
 * 2017) is found by the search and must be highlighted too. Whitespace between blocks is dropped by
 * normalisation next to CJK text, as in the index.
 */
function textBlocks(root: Element): Text[][] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data && !text.parentElement?.closest(SKIP)) nodes.push(text);
  }
  return nodes.length > 0 ? [nodes] : [];
}

function highlight(root: Element, query: string): HTMLElement[] {
  const terms = highlightTermsFromQuery(query);
  if (terms.length === 0) return [];
  const firsts: HTMLElement[] = [];
  for (const nodes of textBlocks(root)) {
    const matches = findHighlightRanges(nodes.map((node) => node.data), terms);
    // Wrap from the end of the block backwards, so that earlier offsets stay valid after each split.
    const pieces = matches.flatMap((match, index) => match.map((piece, n) => ({ ...piece, first: n === 0, index })));
    pieces.sort((a, b) => b.segment - a.segment || b.start - a.start);
    const firstMarks = new Map<number, HTMLElement>();
    for (const piece of pieces) {
      const node = nodes[piece.segment];
      if (!node) continue;
      const target = piece.start > 0 ? node.splitText(piece.start) : node;
      if (piece.end - piece.start < target.data.length) target.splitText(piece.end - piece.start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      target.replaceWith(mark);
      mark.append(target);
      if (piece.first) firstMarks.set(piece.index, mark);
    }
    firstMarks.forEach((mark) => firsts.push(mark));
  }
  return firsts.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function clear(root: Element): void {
  for (const mark of root.querySelectorAll('mark.search-hit')) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}

const body = document.querySelector('.report-body');
const query = new URLSearchParams(location.search).get('hl')?.trim() ?? '';
if (body && query) {
  const matches = highlight(body, query);
  const bar = document.createElement('div');
  bar.className = 'highlight-bar';
  bar.setAttribute('role', 'status');
  bar.setAttribute('data-pagefind-ignore', '');
  const label = document.createElement('span');
  label.textContent = matches.length > 0 ? `已高亮“${query}”${matches.length} 处。` : `正文中没有找到“${query}”。`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = '清除高亮';
  button.addEventListener('click', () => {
    clear(body);
    bar.remove();
    const url = new URL(location.href);
    url.searchParams.delete('hl');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  });
  bar.append(label, button);
  body.before(bar);
  if (!location.hash && matches[0]) matches[0].scrollIntoView({ block: 'center' });
}
