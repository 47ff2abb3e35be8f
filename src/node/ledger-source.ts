// The commitments ledger of a content folder, read outside the site build (nianjian export): the
// same validation, analysis, follow-up matching and ledger as the build, and for a public export
// the same filter (only public reports, <Internal> blocks dropped, redacted names masked).

import type { Root } from 'mdast';
import { analyzeValidReport } from '../lib/compare/archive-analysis.ts';
import { resolveFollowUps } from '../lib/compare/follow-up.ts';
import { buildLedger, type LedgerEntry } from '../lib/compare/ledger.ts';
import { createRedactor } from '../lib/redact.ts';
import { mergeRoleKeywords } from '../lib/structure/section-roles.ts';
import { validateReports } from '../lib/validate-reports.ts';
import remarkPublicFilter from '../plugins/remark-public-filter.ts';
import {
  checkReportFiles, ContentSourceError, readReportSources, resolveContentSource, type ContentSource, type Visibility,
} from './content-source.ts';

export interface LoadedLedger {
  source: ContentSource;
  ledger: LedgerEntry[];
  /** Report titles by id, masked in a public export. */
  titles: Map<string, string>;
}

/** Reads, checks and analyses every report of a content folder; invalid content is a ContentSourceError listing all problems. */
export function loadLedger(dir: string | undefined, visibility: Visibility): LoadedLedger {
  const source = resolveContentSource(dir);
  const { files, problemMessage } = checkReportFiles(source, visibility);
  if (problemMessage) throw new ContentSourceError(problemMessage);
  const { reports } = validateReports(readReportSources(source.reportsDir, files), source.config.kinds);
  const keywords = mergeRoleKeywords(source.config.roleKeywords);
  const isPublic = visibility === 'public';
  const published = reports.filter((report) => !isPublic || report.data.confidentiality === 'public');
  const titles = new Map<string, string>();
  const analysed = published.map((report) => {
    const id = report.id ?? report.path;
    const terms = [...source.config.redact, ...report.data.redact];
    const mask = isPublic ? createRedactor(terms, source.config.redactionMask) : (text: string) => text;
    const filter = isPublic
      ? (tree: Root) => remarkPublicFilter({ redact: source.config.redact, mask: source.config.redactionMask })(tree, { data: { astro: { frontmatter: { redact: report.data.redact } } } })
      : undefined;
    titles.set(id, mask(report.data.title));
    const series = analyzeValidReport({ ...report, id }, keywords, filter);
    return {
      ...series,
      kind: report.data.kind,
      followUps: report.data.followUps.map((followUp) => ({ ...followUp, ...(followUp.evidence ? { evidence: mask(followUp.evidence) } : {}) })),
    };
  });
  const { followUps } = resolveFollowUps(analysed);
  return { source, ledger: buildLedger(analysed, followUps), titles };
}
