import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file a build wrote, as searchable text: Pagefind's gzip files decompressed, whitespace and zero-width spaces removed. */
export function readOutputTexts(siteDir: string): { file: string; text: string }[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      let bytes = readFileSync(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      return { file: path.relative(siteDir, file), text: bytes.toString('utf8').replace(/[\s\u200b]+/g, '') };
    });
}

/** Where each canary occurs in the output (an empty list means none leaked). */
export function findCanaries(siteDir: string, canaries: readonly string[]): string[] {
  const hits: string[] = [];
  for (const { file, text } of readOutputTexts(siteDir)) {
    for (const canary of canaries) if (text.includes(canary)) hits.push(`${canary} in ${file}`);
  }
  return hits;
}
