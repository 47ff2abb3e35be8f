import { describe, expect, it } from 'vitest';
import { loadSampleArchive } from '../../../bench/follow-up-quality.ts';
import { resolveFollowUps } from '../../../src/lib/compare/follow-up.ts';
import { gzipSync } from 'node:zlib';
import { analyzeReport, textToBlocks } from '../../../src/lib/structure/analyze.ts';
import { DATA_SUGGESTIONS, commitmentAnchorOf, followUpsOf, parseReportDataFile, sectionPathOf, toReportData } from '../../../src/lib/compare/report-data.ts';

const sample = loadSampleArchive();
const { followUps } = resolveFollowUps(sample);
const byKey = new Map(followUps.map((f) => [f.commitmentKey, f]));
const SKL2021 = '2021/明湖市社会科学界联合会-述职报告';

function dataOf(id: string) {
  const report = sample.find((r) => r.id === id)!;
  return { report, data: toReportData({ id }, report.analysis, (c) => byKey.get(`${id}#${c}`)) };
}

describe('toReportData', () => {
  it('gives every commitment its kind and follow-ups, whose passages read back whole, best first', () => {
    const { report, data } = dataOf(SKL2021);
    expect(data.commitments.map((c) => c.id)).toEqual(report.analysis.commitments.map((c) => c.id));
    for (const commitment of data.commitments) {
      const resolved = byKey.get(`${SKL2021}#${commitment.id}`)!;
      const expected = [
        ...resolved.followUps.filter((f) => f.source === 'explicit'),
        ...resolved.followUps.filter((f) => f.source === 'suggested').slice(0, DATA_SUGGESTIONS),
      ];
      expect(followUpsOf(data, commitment), commitment.id).toEqual(
        expected.map(({ report: r, year, section, anchor, text, score, source, status, verdict }) => ({
          report: r, year, section, anchor, text, score, source, ...(status ? { status } : {}), ...(verdict ? { verdict } : {}),
        })),
      );
      expect(['target', 'task', 'general']).toContain(commitment.kind);
    }
    // The seed's promise of 20 study sessions: its outcome (22) in the 2022 report, as the verdict.
    const study = data.commitments.find((c) => c.id === 'c-3-1-e1')!;
    expect(study.target?.verdict).toBe('达成');
    expect(followUpsOf(data, study).some((f) => f.report === '2022/明湖市社会科学界联合会-述职报告' && f.text.includes('22次'))).toBe(true);
  });

  it('stores each later passage once, however many commitments it answers', () => {
    const { data } = dataOf(SKL2021);
    const keys = data.evidence.map((e) => `${e.report}#${e.anchor}#${e.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    const used = new Set(data.commitments.flatMap((c) => c.followUps.map((f) => f.evidence)));
    expect([...used].sort((a, b) => a - b)).toEqual(data.evidence.map((_, i) => i));
  });

  it('writes a commitment’s anchor only where it is not its id, and commitmentAnchorOf gives every anchor back', () => {
    for (const report of sample) {
      const { data } = dataOf(report.id);
      expect(data.commitments.map(commitmentAnchorOf), report.id).toEqual(report.analysis.commitments.map((c) => c.anchor));
      for (const commitment of data.commitments) if ('anchor' in commitment) expect(commitment.anchor).not.toBe(commitment.id);
    }
    // A section that is one promise and nothing else (an item) links its heading, and says so.
    const items = analyzeReport({ blocks: textToBlocks('一、工作回顾\n全年完成各项任务。\n二、下步打算\n（一）加强理论学习\n（二）深化改革创新') });
    const data = toReportData({ id: 'x' }, items, () => undefined);
    expect(data.commitments.map((c) => [c.id, c.anchor])).toEqual([['c-2-1', 's-2-1'], ['c-2-2', 's-2-2']]);
    expect(data.commitments.map(commitmentAnchorOf)).toEqual(['s-2-1', 's-2-2']);
  });

  it('leaves out what the report page carries: metric sentences, section paths, heading ids', () => {
    const { data } = dataOf(SKL2021);
    expect(data.metrics.length).toBeGreaterThan(10);
    expect(data.metrics.every((m) => !('sentence' in m))).toBe(true);
    expect(data.commitments.every((c) => !('sectionPath' in c) && !('headingId' in c))).toBe(true);
  });
});

describe('sectionPathOf', () => {
  it('gives back the path each commitment had, from the sections table', () => {
    for (const report of sample) {
      for (const commitment of report.analysis.commitments) {
        expect(sectionPathOf(report.analysis.sections, commitment.section), `${report.id} ${commitment.id}`).toEqual(commitment.sectionPath);
      }
    }
  });
});

describe('parseReportDataFile', () => {
  const { data } = dataOf(SKL2021);
  const json = JSON.stringify(data);

  it('reads a data file as the build writes it (gzip) back to the same data', async () => {
    const bytes = gzipSync(json);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(json) / 3);
    expect(await parseReportDataFile(bytes)).toEqual(data);
  });

  it('reads one a host already decompressed (Content-Encoding: gzip), and the ArrayBuffer a fetch gives', async () => {
    const plain = new TextEncoder().encode(json);
    expect(await parseReportDataFile(plain)).toEqual(data);
    const compressed = gzipSync(json);
    expect(await parseReportDataFile(compressed.buffer.slice(compressed.byteOffset, compressed.byteOffset + compressed.length))).toEqual(data);
  });

  it('fails on bytes that are neither JSON nor gzip', async () => {
    await expect(parseReportDataFile(new TextEncoder().encode('<!doctype html>'))).rejects.toThrow(SyntaxError);
  });
});
