import type { APIRoute, GetStaticPaths } from 'astro';
import { buildScopeFromEnv, publishesYear } from '../../node/build-scope.ts';
import { loadArchive } from '../../site/archive-data.ts';
import type { ArchivePart } from '../../node/archive-parts.ts';
import { loadArchiveOverview } from '../../site/archive-overview.ts';

/**
 * A shard's part of the archive (src/site/archive-overview.ts), which the merge build of the archive-wide
 * pages reads; written only by a shard's build, and taken out of its output when the site is assembled.
 */
export const getStaticPaths = (() => (buildScopeFromEnv().mode === 'shard' ? [{ params: { part: 'archive-part' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { entries } = await loadArchive();
  const { targets, metricsByUnit, ledgerYears } = await loadArchiveOverview();
  const part: ArchivePart = {
    reports: entries
      .filter((entry) => publishesYear(entry.data.year))
      .map(({ id, data: { followUps: _followUps, sectionRoles: _roles, ...data } }) => ({ id, data })),
    targets: [...targets],
    metricsByUnit: [...metricsByUnit],
    ledgerYears,
  };
  return new Response(JSON.stringify(part), { headers: { 'content-type': 'application/json' } });
};
