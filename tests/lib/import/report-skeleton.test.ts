import { describe, expect, it } from 'vitest';
import { createReportSkeleton, skeletonPath } from '../../../src/lib/import/report-skeleton.ts';
import { defaultKinds } from '../../../src/lib/site-config.ts';
import { validateReports } from '../../../src/lib/validate-reports.ts';

describe('report skeleton', () => {
  it.each(defaultKinds)('a new %s is a valid report with the sections of its kind', (kind) => {
    const text = createReportSkeleton({ unit: '市社科联', year: 2024, kind });
    const { reports, problems } = validateReports([{ path: 'x.mdx', text }], defaultKinds);
    expect(problems).toEqual([]);
    expect(reports[0]!.data).toMatchObject({ unit: '市社科联', year: 2024, kind, confidentiality: 'internal', title: `市社科联2024年${kind}` });
    expect(text.match(/^## /gm)?.length).toBeGreaterThanOrEqual(3);
  });

  it('names the plans section after the following year in a 述职报告', () => {
    expect(createReportSkeleton({ unit: 'u', year: 2024, kind: '述职报告' })).toContain('## 三、2025年工作打算');
  });

  it('files a report under its year, with characters unsafe in file names replaced', () => {
    expect(skeletonPath({ unit: '市委/办公室', year: 2024, kind: '工作总结' })).toBe('2024/市委-办公室-工作总结.mdx');
  });
});
