/**
 * Builds the Pagefind bundle from HTML handed in by the caller, through
 * Pagefind's Node API. The only module of src/lib that talks to the pagefind
 * package; it reads no files: pages arrive as strings, so the index can be
 * built from a transformed COPY of each page (spaceCjkHtml) while the
 * published pages stay as they are.
 */
import * as pagefind from 'pagefind';

export interface SearchIndexPage {
  /** The URL a result links to, e.g. "/reports/2021/". */
  url: string;
  html: string;
}

/** A record that is not a page (Pagefind's addCustomRecord), e.g. one commitment of a report. */
export interface SearchIndexRecord {
  url: string;
  /** Plain text. */
  content: string;
  /** Default: options.language. */
  language?: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
  sort?: Record<string, string>;
}

export interface BuildSearchIndexOptions {
  pages: readonly SearchIndexPage[];
  /** Custom records indexed besides the pages. */
  records?: readonly SearchIndexRecord[];
  /** Applied to each record's content before indexing (e.g. spaceCjkText). */
  transformText?: (text: string) => string;
  /** The bundle directory, e.g. "dist/pagefind". */
  outputPath: string;
  /** Applied to each page's HTML before indexing (e.g. spaceCjkHtml). */
  transformHtml?: (html: string) => string;
  /** ISO 639-1 code; every page is indexed as this language. Default "und" (see INDEX_LANGUAGE). */
  language?: string;
  /**
   * Pagefind's includeCharacters: characters indexed and searched as words
   * instead of being dropped. A function receives the transformed HTML of all
   * pages (see collectIncludeCharacters).
   */
  includeCharacters?: string | ((indexedHtml: readonly string[]) => string);
}

export interface SearchIndexSummary {
  pageCount: number;
  recordCount: number;
  errors: string[];
}

function failOn(errors: readonly string[], step: string): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

export interface StreamingSearchIndex {
  /** Hands a page to Pagefind, which indexes it in its own process while the caller prepares the next. */
  add(page: SearchIndexPage): Promise<void>;
  /** Waits for every page added, writes the bundle and closes Pagefind; returns how many pages were indexed. */
  write(outputPath: string): Promise<number>;
  /** Closes Pagefind without writing (after a failure). */
  close(): Promise<void>;
}

/**
 * The language every page is indexed as. Not "zh-cn": for Chinese, Pagefind writes a zero-width space
 * after every character of each fragment (its word-segmentation marks), which the pages, already spaced
 * character by character for the index (cjk-spacing.ts), do not need: a third of each fragment's bytes.
 */
export const INDEX_LANGUAGE = 'und';

/**
 * Word positions per index chunk, sized for the archive: a query loads whole chunks, and Pagefind's
 * default suits word indexes of Latin text, where a chunk holds many distinct words; a per-character
 * index has few words with long position lists, so the chunks grow with the archive. 200 × √pages keeps
 * a query's chunks near the size of its own words' data at 100 and at 10,000 pages alike.
 */
export function indexChunkSize(pageCount: number): number {
  return Math.max(1_000, Math.round(200 * Math.sqrt(Math.max(1, pageCount))));
}

/**
 * Pagefind's binary reads its chunk size from the environment (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, 1.6)
 * when its process starts, which createIndex does: set it only around that call.
 */
async function createIndexWithChunkSize(config: Parameters<typeof pagefind.createIndex>[0], chunkSize: number | undefined) {
  const name = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
  const previous = process.env[name];
  if (chunkSize !== undefined) process.env[name] = String(chunkSize);
  try {
    return await pagefind.createIndex(config);
  } finally {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
  }
}

/** Pages Pagefind holds at most at once, read and waiting: enough to keep it busy, few enough to keep memory flat. */
const PAGES_IN_FLIGHT = 8;

/**
 * An index that takes pages one by one, so that reading and preparing the next page (spaceCjkHtml) runs
 * while Pagefind's own process indexes the previous ones. The characters to keep as words must be known
 * before the first page (collectIncludeCharacters over the pages as written).
 */
export async function createStreamingSearchIndex(
  options: { includeCharacters?: string; language?: string; /** See indexChunkSize. */ indexChunkSize?: number } = {},
): Promise<StreamingSearchIndex> {
  const { index, errors } = await createIndexWithChunkSize(
    {
      forceLanguage: options.language ?? INDEX_LANGUAGE,
      ...(options.includeCharacters ? { includeCharacters: options.includeCharacters } : {}),
    },
    options.indexChunkSize,
  );
  if (!index) await pagefind.close();
  failOn(errors, 'create an index');
  if (!index) throw new Error('Pagefind returned no index');
  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  let count = 0;
  return {
    async add(page) {
      if (failure) throw failure;
      const added = index
        .addHTMLFile({ url: page.url, content: page.html })
        .then((result) => failOn(result.errors, `index ${page.url}`))
        .catch((error: unknown) => { failure ??= error instanceof Error ? error : new Error(String(error)); })
        .finally(() => inFlight.delete(added));
      inFlight.add(added);
      count++;
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
    },
    async write(outputPath) {
      try {
        await Promise.all(inFlight);
        if (failure) throw failure;
        const written = await index.writeFiles({ outputPath });
        failOn(written.errors, `write ${outputPath}`);
        return count;
      } finally {
        await pagefind.close();
      }
    },
    async close() {
      await Promise.allSettled(inFlight);
      await pagefind.close();
    },
  };
}

export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<SearchIndexSummary> {
  const transform = options.transformHtml ?? ((html: string) => html);
  const transformText = options.transformText ?? ((text: string) => text);
  const language = options.language ?? INDEX_LANGUAGE;
  const indexed = options.pages.map((page) => ({ url: page.url, content: transform(page.html) }));
  const records = (options.records ?? []).map((record) => ({
    ...record,
    content: transformText(record.content),
    language: record.language ?? language,
  }));
  const include =
    typeof options.includeCharacters === 'function'
      ? options.includeCharacters([...indexed.map((page) => page.content), ...records.map((record) => record.content)])
      : options.includeCharacters;
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: language,
      ...(include ? { includeCharacters: include } : {}),
    });
    failOn(errors, 'create an index');
    if (!index) throw new Error('Pagefind returned no index');
    for (const page of indexed) {
      const added = await index.addHTMLFile(page);
      failOn(added.errors, `index ${page.url}`);
    }
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      failOn(added.errors, `index ${record.url}`);
    }
    const written = await index.writeFiles({ outputPath: options.outputPath });
    failOn(written.errors, `write ${options.outputPath}`);
    return { pageCount: indexed.length, recordCount: records.length, errors: [] };
  } finally {
    await pagefind.close();
  }
}
