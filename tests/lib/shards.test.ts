import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { planShards, type ShardReport } from '../../src/lib/shards.ts';
import { listReportFiles } from '../../src/node/content-source.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const reportsDir = path.join(repoRoot, 'content/reports');
/** The sample archive: three units, 2021–2024 (2 + 3 + 3 + 1 reports). */
const sample: ShardReport[] = listReportFiles(reportsDir).map((file) => {
  const { data } = parseFrontmatter(readFileSync(file, 'utf8'));
  return { file: path.relative(reportsDir, file), unit: String(data['unit']), year: Number(data['year']) };
});

describe('planShards', () => {
  it('groups consecutive years up to the size of a shard, each report published once', () => {
    const shards = planShards(sample, 5);
    expect(shards.map((shard) => shard.name)).toEqual(['2021-2022', '2023-2024']);
    expect(shards.map((shard) => shard.own.length)).toEqual([5, 4]);
    expect(shards.flatMap((shard) => shard.own).sort()).toEqual(sample.map((report) => report.file).sort());
  });

  it('gives a year larger than a shard a shard of its own', () => {
    expect(planShards(sample, 2).map((shard) => [shard.name, shard.own.length])).toEqual([['2021', 2], ['2022', 3], ['2023', 3], ['2024', 1]]);
  });

  it('reads each unit’s reports of the nearest years before and after, for compare pages and follow-ups', () => {
    const [first, second] = planShards(sample, 5);
    // 2022 needs 2023 for its follow-ups; 2023 needs 2022 for its compare pages.
    expect(first!.context).toEqual(sample.filter((r) => r.year === 2023).map((r) => r.file).sort());
    expect(second!.context).toEqual(sample.filter((r) => r.year === 2022).map((r) => r.file).sort());
  });

  it('skips a gap in a unit’s years: the neighbour is its nearest report, not the year beside', () => {
    const gapped: ShardReport[] = [
      { file: 'a/2001.mdx', unit: 'a', year: 2001 },
      { file: 'a/2004.mdx', unit: 'a', year: 2004 },
      { file: 'b/2005.mdx', unit: 'b', year: 2005 },
      { file: 'a/2009.mdx', unit: 'a', year: 2009 },
    ];
    const shards = planShards(gapped, 2);
    expect(shards.map((shard) => shard.name)).toEqual(['2001-2004', '2005-2009']);
    expect(shards[0]!.context).toEqual(['a/2009.mdx']);
    expect(shards[1]!.context).toEqual(['a/2004.mdx']);
  });

  it('is one shard when everything fits', () => {
    expect(planShards(sample).map((shard) => shard.name)).toEqual(['2021-2024']);
  });

  it('also reads a later report that answers one of its reports explicitly, years later', () => {
    const reports: ShardReport[] = [
      { file: 'a/2001.mdx', unit: 'a', year: 2001 },
      { file: 'a/2002.mdx', unit: 'a', year: 2002 },
      { file: 'a/2003.mdx', unit: 'a', year: 2003 },
      { file: 'a/2004.mdx', unit: 'a', year: 2004, answers: ['a/2001.mdx'] },
    ];
    const [first, second] = planShards(reports, 1);
    expect(first!.context).toEqual(['a/2002.mdx', 'a/2004.mdx']);
    expect(second!.context).toEqual(['a/2001.mdx', 'a/2003.mdx']);
  });
});
