import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive, originalOf } from '../../../site/archive-data.ts';
import { publishesYear } from '../../../node/build-scope.ts';

/** The kept source document of each report that has one; a public build only has public reports to offer. */
export const getStaticPaths = (async () => {
  const { entries } = await loadArchive();
  return entries.filter((entry) => publishesYear(entry.data.year)).flatMap((entry) => {
    const original = originalOf(entry);
    return original ? [{ params: { id: entry.id, ext: original.extension }, props: { file: original.file } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = ({ props }) => new Response(readFileSync(props.file));
