// Public builds only, under Sätteri: what remark-public-filter.ts does under unified. It runs before
// satteri-report-structure.ts, which reads the tree with this plugin's changes applied (Sätteri applies each
// plugin's mutations before the next plugin runs), so neither the page, the analysis, nor the search index
// ever sees an <Internal> block or a redacted name.
import type { MdastVisitorContext } from 'satteri';
import { defineMdastPlugin } from 'satteri';
import { createRedactor } from '../lib/redact.ts';
import { internalComponentName, type RemarkPublicFilterOptions } from './remark-public-filter.ts';

type Redactor = (text: string) => string;

/** The redactor for the document being compiled: the site's names and the report's own (frontmatter `redact`). */
function redactorOf(ctx: MdastVisitorContext, options: RemarkPublicFilterOptions, cache: WeakMap<object, Redactor>): Redactor {
  let redact = cache.get(ctx.data);
  if (!redact) {
    const frontmatter = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
    const own = Array.isArray(frontmatter['redact']) ? frontmatter['redact'].map(String) : [];
    redact = createRedactor([...(options.redact ?? []), ...own], options.mask);
    cache.set(ctx.data, redact);
  }
  return redact;
}

export function satteriPublicFilter(options: RemarkPublicFilterOptions = {}) {
  const redactors = new WeakMap<object, Redactor>();
  const dropInternal = (node: { name: string | null }, ctx: MdastVisitorContext) => {
    if (node.name === internalComponentName) ctx.removeNode(node as never);
  };
  // Every node holding text in `value`, as remark-public-filter masks every such node.
  const maskValue = (node: { value: string }, ctx: MdastVisitorContext) => {
    const masked = redactorOf(ctx, options, redactors)(node.value);
    if (masked !== node.value) ctx.setProperty(node as never, 'value' as never, masked as never);
  };
  const maskAlt = (node: { alt?: string | null | undefined }, ctx: MdastVisitorContext) => {
    const masked = redactorOf(ctx, options, redactors)(node.alt ?? '');
    if (masked !== (node.alt ?? '')) ctx.setProperty(node as never, 'alt' as never, masked as never);
  };
  return defineMdastPlugin({
    name: 'nianjian-public-filter',
    mdxJsxFlowElement: dropInternal,
    mdxJsxTextElement: dropInternal,
    text: maskValue,
    inlineCode: maskValue,
    code: maskValue,
    html: maskValue,
    yaml: maskValue,
    toml: maskValue,
    math: maskValue,
    inlineMath: maskValue,
    mdxFlowExpression: maskValue,
    mdxTextExpression: maskValue,
    mdxjsEsm: maskValue,
    image: maskAlt,
    imageReference: maskAlt,
  });
}
