import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';

/** The entries of a zip file (an .xlsx workbook) concatenated, read from its central directory. */
export function readZipText(bytes: Buffer): string {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    const data = bytes.subarray(local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)).subarray(0, size);
    parts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts.join('\n');
}

/**
 * Every file a build wrote, as searchable text: Pagefind's gzip files decompressed, workbooks (zip) unpacked,
 * whitespace and zero-width spaces removed.
 */
export function readOutputTexts(siteDir: string): { file: string; text: string }[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      let bytes = readFileSync(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      else if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) bytes = Buffer.from(readZipText(bytes));
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
