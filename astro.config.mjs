// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { nianjian } from './src/integrations/nianjian.ts';
import { resolveContentSource, visibilityFromEnv } from './src/node/content-source.ts';
import remarkPublicFilter from './src/plugins/remark-public-filter.ts';
import remarkReportStructure from './src/plugins/remark-report-structure.ts';
import { mergeRoleKeywords } from './src/lib/structure/section-roles.ts';

// The CLI passes its options through the environment so that `astro` itself sees the same build.
const source = resolveContentSource();
// Bundled page code cannot rely on its own location: tell it where the content and the project are.
process.env.NIANJIAN_CONTENT = source.root;
process.env.NIANJIAN_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('@astrojs/markdown-remark').RemarkPlugins} */
const remarkPlugins = [[remarkReportStructure, { keywords: mergeRoleKeywords(source.config.roleKeywords) }]];
// A public build drops <Internal> blocks and masks redacted names before anything else reads the text.
if (visibilityFromEnv() === 'public') {
  remarkPlugins.unshift([remarkPublicFilter, { redact: source.config.redact, mask: source.config.redactionMask }]);
}

export default defineConfig({
  base: process.env.NIANJIAN_BASE || source.config.base,
  outDir: process.env.NIANJIAN_OUT || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
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
  markdown: {
    // unified rather than Astro 7's default Sätteri, which runs no remark plugins; no smartypants, so the
    // reports' own quotation marks stay as written.
    processor: unified({
      remarkPlugins,
      smartypants: false,
    }),
  },
  integrations: [mdx(), nianjian({ source })],
  devToolbar: { enabled: false },
});
