import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, createStreamingSearchIndex, indexChunkSize } from '../../../src/lib/search/search-index.ts';
import { collectIncludeCharacters, spaceCjkHtml } from '../../../src/lib/search/cjk-spacing.ts';

const shared = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared', file), 'utf8');
const seedLines = shared('seeds/000_b79b53dc5c4bd550.txt').split('\n').filter(Boolean);

const pages = [0, 1, 2].map((part) => ({
  url: `/seed/${part + 1}/`,
  html: `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body data-pagefind-filter="part:${part + 1}">
<h1>述职报告第${part + 1}部分</h1>${seedLines.slice(part * 8, part * 8 + 8).map((l) => `<p>${l}</p>`).join('')}</main></body></html>`,
}));
const originals = pages.map((page) => page.html);

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's fragment files: gzip, a "pagefind_dcd" signature, then JSON, read as written. */
function readFragments(bundle: string): Fragment[] {
  const dir = path.join(bundle, 'fragment');
  return fs.readdirSync(dir).map((file) => {
    const data = zlib.gunzipSync(fs.readFileSync(path.join(dir, file)));
    return JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8')) as Fragment;
  });
}

describe('buildSearchIndex', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-search-index-'));
  const spaced = path.join(tmp, 'spaced');
  const plain = path.join(tmp, 'plain');
  let summary: { pageCount: number; recordCount: number; errors: string[] };

  beforeAll(async () => {
    summary = await buildSearchIndex({
      pages,
      outputPath: spaced,
      transformHtml: spaceCjkHtml,
      includeCharacters: collectIncludeCharacters,
    });
    await buildSearchIndex({ pages, outputPath: plain });
  }, 60_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes one index, language "und", with every page', () => {
    expect(summary).toEqual({ pageCount: 3, recordCount: 0, errors: [] });
    const entry = JSON.parse(fs.readFileSync(path.join(spaced, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['und']);
    expect(entry.languages['und'].page_count).toBe(3);
    expect(fs.existsSync(path.join(spaced, 'pagefind.js'))).toBe(true);
  });

  it('indexes the transformed copy and leaves the pages themselves alone', () => {
    const fragments = readFragments(spaced).sort((a, b) => a.url.localeCompare(b.url));
    expect(fragments.map((f) => f.url)).toEqual(['/seed/1/', '/seed/2/', '/seed/3/']);
    const withPhrase = fragments.filter((f) => f.content.includes('严 格 落 实 “ 三 会 一 课 ”'));
    expect(withPhrase.map((f) => f.url)).toEqual(['/seed/1/']);
    expect(fragments[0]?.meta['title']).toBe('述 职 报 告 第 1 部 分');
    expect(fragments[2]?.filters).toEqual({ part: ['3'] });
    expect(pages.map((page) => page.html)).toEqual(originals);
  });

  it('writes fragments without the zero-width spaces Pagefind adds to zh-cn text', () => {
    for (const fragment of readFragments(spaced)) {
      expect(fragment.content).not.toContain('\u200B');
      expect(fragment.meta['title']).not.toContain('\u200B');
    }
  });

  it('passes the marks of the copies to Pagefind as includeCharacters', () => {
    const entry = JSON.parse(fs.readFileSync(path.join(spaced, 'pagefind-entry.json'), 'utf8'));
    expect(entry.include_characters).toEqual(expect.arrayContaining(['，', '。', '“', '”', '《', '》']));
    expect(entry.include_characters).not.toContain('"');
  });

  it('indexes the HTML as given without a transform', () => {
    const fragments = readFragments(plain);
    expect(fragments.some((f) => f.content.includes('严格落实“三会一课”'))).toBe(true);
    const entry = JSON.parse(fs.readFileSync(path.join(plain, 'pagefind-entry.json'), 'utf8'));
    expect(entry.include_characters).not.toContain('，');
  });
});

describe('buildSearchIndex with custom records', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-search-records-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('indexes each record with its transformed text, meta and filters, besides the pages', async () => {
    const summary = await buildSearchIndex({
      pages: pages.slice(0, 1),
      records: [{ url: '/seed/1/#c-1', content: '开展巡回指导※试点', meta: { title: '承诺' }, filters: { type: ['commitment'] } }],
      outputPath: tmp,
      transformHtml: spaceCjkHtml,
      transformText: (text) => [...text].join(' '),
      includeCharacters: collectIncludeCharacters,
    });
    expect(summary).toEqual({ pageCount: 1, recordCount: 1, errors: [] });
    const record = readFragments(tmp).find((f) => f.url === '/seed/1/#c-1')!;
    expect(record.content).toBe('开 展 巡 回 指 导 ※ 试 点');
    expect(record.meta['title']).toBe('承诺');
    expect(record.filters).toEqual({ type: ['commitment'] });
    const entry = JSON.parse(fs.readFileSync(path.join(tmp, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages['und'].page_count).toBe(2);
    // The marks of the records count as words too.
    expect(entry.include_characters).toEqual(expect.arrayContaining(['※']));
  }, 60_000);
});

describe('createStreamingSearchIndex', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-search-stream-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the same index as buildSearchIndex from pages added one by one', async () => {
    const include = collectIncludeCharacters(pages.map((page) => spaceCjkHtml(page.html)));
    const whole = path.join(tmp, 'whole');
    await buildSearchIndex({ pages, outputPath: whole, transformHtml: spaceCjkHtml, includeCharacters: include });
    const streamed = path.join(tmp, 'streamed');
    const index = await createStreamingSearchIndex({ includeCharacters: include });
    for (const page of pages) await index.add({ url: page.url, html: spaceCjkHtml(page.html) });
    expect(await index.write(streamed)).toBe(3);
    const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(streamed)).toEqual(files(whole));
    for (const file of files(whole).filter((f) => fs.statSync(path.join(whole, f)).isFile())) {
      expect(fs.readFileSync(path.join(streamed, file)).equals(fs.readFileSync(path.join(whole, file))), file).toBe(true);
    }
  }, 60_000);
});

describe('indexChunkSize', () => {
  it('grows with the square root of the page count, from a floor', () => {
    expect(indexChunkSize(1)).toBe(1_000);
    expect(indexChunkSize(100)).toBe(2_000);
    expect(indexChunkSize(1_000)).toBe(6_325);
    expect(indexChunkSize(10_000)).toBe(20_000);
  });

  it('reaches Pagefind: a smaller chunk size splits the same pages into more index chunks', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-search-chunks-'));
    try {
      const chunkFiles = async (size: number) => {
        const out = path.join(tmp, String(size));
        const index = await createStreamingSearchIndex({ indexChunkSize: size });
        for (const page of pages) await index.add({ url: page.url, html: spaceCjkHtml(page.html) });
        await index.write(out);
        return fs.readdirSync(path.join(out, 'index')).length;
      };
      const small = await chunkFiles(200);
      const large = await chunkFiles(100_000);
      expect(large).toBe(1);
      expect(small).toBeGreaterThan(large);
      expect(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']).toBeUndefined();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
