// Runs one Astro build in a process of its own (started by src/cli/build.ts), so that its memory is
// released before the search index is built. The CLI's environment carries the options; a failure's
// message goes to the file named by NIANJIAN_ERROR_FILE and the exit code is 1.
import { writeFileSync } from 'node:fs';
import { build } from 'astro';

const [root = '', outDir = '', logLevel = 'info'] = process.argv.slice(2);
try {
  await build({ root, outDir, logLevel: logLevel as 'info' | 'error' });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  writeFileSync(process.env['NIANJIAN_ERROR_FILE'] ?? '/dev/stderr', message);
  process.exitCode = 1;
}
