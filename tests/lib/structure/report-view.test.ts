import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReport, textToBlocks } from '../../../src/lib/structure/analyze.ts';
import { metricRuns } from '../../../src/lib/structure/report-view.ts';

const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus/gov-work-reports');
const { metrics } = analyzeReport({ blocks: textToBlocks(fs.readFileSync(path.join(corpus, '2024.txt'), 'utf8')) });

describe('metricRuns', () => {
  it('cuts the 2024 national report’s metrics where the section changes, keeping each once and in order', () => {
    const runs = metricRuns(metrics);
    expect(runs.flatMap((run) => run.metrics)).toEqual(metrics);
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.length).toBeLessThan(metrics.length / 2);
    for (const run of runs) expect(run.metrics.every((metric) => metric.section === run.section)).toBe(true);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.section).not.toBe(runs[i - 1]!.section);
  });

  it('gives nothing for no metrics', () => {
    expect(metricRuns([])).toEqual([]);
  });
});
