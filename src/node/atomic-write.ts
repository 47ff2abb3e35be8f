import { linkSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Writes through a temp file, so a reader never sees half a file; `overwrite: false` refuses an existing target atomically. */
export function writeFileAtomic(file: string, text: string | Uint8Array, { overwrite }: { overwrite: boolean }): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    // Inside the try: a write that fails half-way (disk full) leaves no temp file behind either.
    writeFileSync(temp, text, { flag: 'wx' });
    if (overwrite) renameSync(temp, file);
    else linkSync(temp, file); // fails with EEXIST when the target exists, with no race window
  } finally {
    rmSync(temp, { force: true });
  }
}
