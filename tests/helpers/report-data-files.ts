import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPORT_DATA_SUFFIX } from '../../src/lib/compare/report-data.ts';

/** A built site's data file of report `id` (data/reports/<id>.json.gz), decompressed and parsed. */
export function readReportDataFile(siteDir: string, id: string): any {
  return JSON.parse(gunzipSync(readFileSync(path.join(siteDir, 'data', 'reports', `${id}${REPORT_DATA_SUFFIX}`))).toString('utf8'));
}

/** Every data file of a built site, parsed. */
export function readAllReportDataFiles(siteDir: string): any[] {
  return readdirSync(path.join(siteDir, 'data', 'reports'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(REPORT_DATA_SUFFIX))
    .map((entry) => JSON.parse(gunzipSync(readFileSync(path.join(entry.parentPath, entry.name))).toString('utf8')));
}
