// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { nianjian } from './src/integrations/nianjian.ts';
import { resolveContentSource, visibilityFromEnv } from './src/node/content-source.ts';
import { satteriPublicFilter } from './src/plugins/satteri-public-filter.ts';
import { REPORT_FEATURES, satteriReportStructure } from './src/plugins/satteri-report-structure.ts';
import { mergeRoleKeywords } from './src/lib/structure/section-roles.ts';

// The CLI passes its options through the environment so that `astro` itself sees the same build.
const source = resolveContentSource();
// Bundled page code cannot rely on its own location: tell it where the content and the project are.
process.env.NIANJIAN_CONTENT = source.root;
process.env.NIANJIAN_ROOT = fileURLToPath(new URL('.', import.meta.url));

const keywords = mergeRoleKeywords(source.config.roleKeywords);
const isPublic = visibilityFromEnv() === 'public';
// The reports compile with Sätteri, Astro 7's default compiler (in Rust; bench/mdx-compile.ts: 200 reports
// 0.25 s against @mdx-js/mdx's 3.7 s), with the same analysis and ids as under unified
// (src/plugins/satteri-report-structure.ts). A public build first drops <Internal> blocks and masks redacted
// names (satteri-public-filter.ts), so nothing after it reads them.
const structure = satteriReportStructure({ keywords });
const processor = satteri({
  mdastPlugins: isPublic ? [satteriPublicFilter({ redact: source.config.redact, mask: source.config.redactionMask }), structure] : [structure],
  features: REPORT_FEATURES,
});

export default defineConfig({
  base: process.env.NIANJIAN_BASE || source.config.base,
  outDir: process.env.NIANJIAN_OUT || './dist',
  trailingSlash: 'always',
  // Several pages in flight: the ledger workbooks, rendered first, wait for the follow-up worker (follow-up-precompute.ts)
  // while the other pages render; Astro renders one page at a time otherwise.
  build: { format: 'directory', concurrency: 32 },
  // Keep every script in its own file so a strict Content-Security-Policy needs no 'unsafe-inline'.
  vite: {
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro 7 warns once per .mdx file about its own directive (withastro/astro#18087); nothing to act on.
        onwarn: (warning, warn) => (warning.message.includes('astro:head-inject') ? undefined : warn(warning)),
      },
    },
  },
  markdown: { processor },
  integrations: [mdx(), nianjian({ source })],
  devToolbar: { enabled: false },
});
