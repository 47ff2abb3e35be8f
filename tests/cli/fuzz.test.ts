import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { decodeText } from '../../src/lib/import/decode-text.ts';
import { normalizeForLosslessCheck } from '../../src/lib/import/import-report.ts';
import { renderMdxTextWithMdxJs } from '../lib/import/import-mdx-text.ts';
import { runCli, sharedDir } from '../helpers/run-cli.ts';

/** A small seeded generator (mulberry32), so a failing case can be reproduced from its name. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedText = readFileSync(path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.txt'), 'utf8');
const mdxSyntax = ['{', '}', '<', '>', '<div>', '</p>', '{1+1}', 'export const a = 1', 'import x from "y"', '---', '<!-- 注释 -->', '*', '_', '`', '[链接](http://x)', '# 标题', '> 引用', '- 列表', '1. 列表', '|表|格|', '\\', '&amp;', '$$'];
const markers = ['一、', '（一）', '(二)', '1.', '1、', '（1）', '①', '第一部分', '第三章'];

/** Malformed inputs of every kind the importer may meet, each named after how it was made. */
function makeCases(): { name: string; bytes: Buffer }[] {
  const rand = random(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const cases: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < 4; i += 1) {
    cases.push({ name: `random-bytes-${i}.txt`, bytes: Buffer.from(Array.from({ length: 200 + Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256))) });
  }
  const utf8 = Buffer.from(seedText, 'utf8');
  for (let i = 0; i < 3; i += 1) {
    // Cut inside a multi-byte character: the file ends with an incomplete UTF-8 sequence.
    let cut = 500 + Math.floor(rand() * (utf8.length - 1000));
    while ((utf8[cut]! & 0xc0) !== 0x80) cut += 1;
    cases.push({ name: `truncated-utf8-${i}.txt`, bytes: utf8.subarray(0, cut) });
  }
  cases.push({ name: 'huge-line.txt', bytes: Buffer.from(`2021年工作总结\n一、履职情况\n${'集体学习26次，'.repeat(20_000)}\n`) });
  cases.push({
    name: 'deep-numbering.txt',
    bytes: Buffer.from(
      `2022年工作总结\n${Array.from({ length: 400 }, (_, i) => `${markers[i % markers.length]}${'层级'.repeat(1 + (i % 5))}第${i}项。${i % 3 === 0 ? '一是甲。二是乙。' : ''}`).join('\n')}\n`,
    ),
  });
  for (let i = 0; i < 6; i += 1) {
    const lines = seedText.split('\n').slice(0, 40).map((line) => {
      const chars = [...line];
      for (let k = 0; k < 4; k += 1) chars.splice(Math.floor(rand() * (chars.length + 1)), 0, pick(mdxSyntax));
      return rand() < 0.2 ? `${pick(mdxSyntax)} ${chars.join('')}` : chars.join('');
    });
    cases.push({ name: `stray-mdx-${i}.txt`, bytes: Buffer.from(`2021年述职报告\n${lines.join('\n')}\n`) });
  }
  // Word 97–2003 and PDF files that are not what they claim, or were cut off in a copy.
  const seedDoc = readFileSync(path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.doc'));
  const seedPdf = readFileSync(path.join(sharedDir, 'seeds/000_b79b53dc5c4bd550.pdf'));
  const noise = (length: number) => Buffer.from(Array.from({ length }, () => Math.floor(rand() * 256)));
  cases.push({ name: 'random-bytes.doc', bytes: noise(3000) });
  cases.push({ name: 'random-bytes.pdf', bytes: noise(3000) });
  cases.push({ name: 'ole-header-then-noise.doc', bytes: Buffer.concat([seedDoc.subarray(0, 512), noise(4096)]) });
  cases.push({ name: 'pdf-header-then-noise.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(4096)]) });
  for (const cut of [0.3, 0.8]) {
    cases.push({ name: `truncated-${cut}.doc`, bytes: seedDoc.subarray(0, Math.floor(seedDoc.length * cut)) });
    cases.push({ name: `truncated-${cut}.pdf`, bytes: seedPdf.subarray(0, Math.floor(seedPdf.length * cut)) });
  }
  cases.push({ name: 'only-whitespace.txt', bytes: Buffer.from(' \n\t\n\u3000\n') });
  cases.push({ name: 'empty.txt', bytes: Buffer.alloc(0) });
  cases.push({ name: 'crlf-bom-gb18030.txt', bytes: Buffer.concat([Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a]), Buffer.from('2021\r\n')]) });
  return cases;
}

const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('fuzzing the importer and the build with malformed input', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianjian-fuzz-'));
  const inputs = path.join(root, 'inputs');
  const reports = path.join(root, 'content/reports');
  const cases = makeCases();
  let imported: ReturnType<typeof runCli>;
  let built: ReturnType<typeof runCli>;
  beforeAll(() => {
    mkdirSync(inputs);
    for (const { name, bytes } of cases) writeFileSync(path.join(inputs, name), bytes);
    imported = runCli(['import', inputs, '--out', reports, '--unit', '测试单位', '--kind', '工作总结', '--year', '2022']);
    built = runCli(['build', '--content', path.join(root, 'content'), '--out', path.join(root, 'site'), '--quiet']);
  }, 300_000);

  it('never crashes with a stack trace, and names each file it refuses', () => {
    expect([0, 1]).toContain(imported.status);
    expect(imported.stderr).not.toMatch(/\n\s+at /);
    for (const line of imported.stderr.split('\n').filter((l) => l.startsWith('错误：'))) {
      expect(cases.some(({ name }) => line.includes(name)), line).toBe(true);
    }
    expect(imported.stderr).toContain('empty.txt');
    expect(imported.stderr).toMatch(/random-bytes-0\.txt：/);
    for (const { name } of cases.filter((c) => /\.(doc|pdf)$/.test(c.name))) expect(imported.stderr, name).toContain(`${name}：`);
  });

  it('leaves every source file as it was', () => {
    for (const { name, bytes } of cases) expect(hash(readFileSync(path.join(inputs, name))), name).toBe(hash(bytes));
  });

  it('imports what it accepts faithfully: every character of the source is in the rendered report', () => {
    const written = readdirSync(reports, { recursive: true }).map(String).filter((f) => f.endsWith('.mdx'));
    const accepted = cases.filter(({ name }) => !imported.stderr.includes(`${name}：`));
    expect(written.length).toBe(accepted.length);
    const mustImport = ['huge-line.txt', 'deep-numbering.txt', 'crlf-bom-gb18030.txt', ...cases.filter((c) => c.name.startsWith('stray-mdx')).map((c) => c.name)];
    expect(accepted.map((c) => c.name)).toEqual(expect.arrayContaining(mustImport));
    for (const source of accepted) {
      // Inputs that collide on one target path are told apart by their source name.
      const file = written.find((f) => f.includes(source.name.replace(/\.txt$/, '')));
      expect(file, source.name).toBeDefined();
      const { body } = parseFrontmatter(readFileSync(path.join(reports, file!), 'utf8'));
      const text = normalizeForLosslessCheck(renderMdxTextWithMdxJs(body));
      expect(text, source.name).toBe(normalizeForLosslessCheck(decodeText(source.bytes).text));
    }
  });

  it('builds everything it imported', () => {
    expect(built.stderr).not.toMatch(/\n\s+at /);
    expect(built.status, built.stderr).toBe(0);
  });
});
