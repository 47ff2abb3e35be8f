import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; id: string; text: string }[];
}

/** Pagefind writes gzip files that start with a `pagefind_dcd` signature; this reads them back. */
export function decodePagefindFile(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  const signature = 'pagefind_dcd';
  return data.subarray(0, signature.length).toString() === signature ? data.subarray(signature.length) : data;
}

export function readPagefindFragments(siteDir: string): PagefindFragment[] {
  const dir = path.join(siteDir, 'pagefind', 'fragment');
  return readdirSync(dir)
    .sort()
    .map((name) => JSON.parse(decodePagefindFile(path.join(dir, name)).toString('utf8')) as PagefindFragment);
}

/** A fragment's text without the spaces the CJK index copy adds and the zero-width spaces Pagefind adds. */
export function fragmentText(fragment: PagefindFragment): string {
  return fragment.content.replace(/[\s\u200b]+/g, '');
}
