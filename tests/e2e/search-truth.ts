import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { normalizeText } from '../../src/lib/search/text-normalize.ts';

export interface IndexedReport {
  /** "2022/明湖市…-述职报告" */
  id: string;
  /**
   * Normalised title and body text, blocks joined by a line break as in the text of the page (which
   * normalisation drops next to CJK): a phrase a source broke across two paragraphs still counts.
   */
  text: string;
  /** Normalised text of the top-level sections of each role (h2[data-role] up to the next h2). */
  roles: Record<string, string>;
}

const BLOCK = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'blockquote', 'pre', 'div', 'section']);

function hasClass(node: Element, name: string): boolean {
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes(name);
}

function collect(node: ElementContent | Root, out: string[]): void {
  if (node.type === 'text') out.push(node.value);
  else if (node.type === 'element' || node.type === 'root') {
    const block = node.type === 'element' && BLOCK.has(node.tagName);
    if (block) out.push('\n');
    for (const child of node.children) collect(child as ElementContent, out);
    if (block) out.push('\n');
  }
}

function find(node: ElementContent | Root, test: (element: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if (node.type !== 'element' && node.type !== 'root') return undefined;
  for (const child of node.children) {
    const found = find(child as ElementContent, test);
    if (found) return found;
  }
  return undefined;
}

/**
 * The text a reader sees in each built report page: its title and its body (not the analysis panel).
 * Other pages under reports/ (a report's 目标完成情况, reports/<id>/targets/) have no body and are left out.
 */
export function readIndexedReports(siteDir: string): IndexedReport[] {
  const reportsDir = path.join(siteDir, 'reports');
  const processor = unified().use(rehypeParse);
  return readdirSync(reportsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const tree = processor.parse(readFileSync(file, 'utf8')) as Root;
      const out: string[] = [];
      const title = find(tree, (e) => e.tagName === 'h1');
      const body = find(tree, (e) => hasClass(e, 'report-body'));
      if (!body) return [];
      if (title) collect(title, out);
      collect(body, out);
      const roles: Record<string, string[]> = {};
      let current: string[] | undefined;
      for (const child of body.children) {
        if (child.type === 'element' && child.tagName === 'h2') {
          const role = String(child.properties['dataRole'] ?? 'other');
          current = roles[role] ??= [];
        }
        if (current) collect(child, current);
      }
      return [{
        id: path.relative(reportsDir, path.dirname(file)).split(path.sep).join('/'),
        text: normalizeText(out.join('')),
        roles: Object.fromEntries(Object.entries(roles).map(([role, parts]) => [role, normalizeText(parts.join(''))])),
      }];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Containment of the normalised phrase in normalised text. A phrase that starts or ends with a Latin
 * letter or digit must not continue a longer word or number there ("26" is not in "126" or "2.6"),
 * as in a search for words.
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  const before = /^[0-9a-z]/.test(needle) ? '(?<![0-9a-z]|[0-9][.,])' : '';
  const after = /[0-9a-z]$/.test(needle) ? '(?![0-9a-z]|[.,][0-9])' : '';
  return new RegExp(before + escapeRegExp(needle) + after, 'u').test(text);
}

/** Ids of the reports whose text (or the text of one role) contains the phrase. */
export function reportsContaining(reports: readonly IndexedReport[], phrase: string, role?: string): string[] {
  return reports
    .filter((report) => containsPhrase(role ? (report.roles[role] ?? '') : report.text, phrase))
    .map((report) => report.id);
}
