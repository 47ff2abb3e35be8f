// Builds an archive and prints wall time and peak memory: `npx node bench/build.ts [content dir] [runs]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../src/cli/build.ts';

const content = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const times: number[] = [];
let reports = 0;
for (let run = 0; run < runs; run += 1) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-bench-')), 'site');
  const result = await buildSite({ content, out, quiet: true });
  times.push(result.seconds);
  reports = result.reports;
  rmSync(path.dirname(out), { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(`content: ${content ?? 'content/ (sample archive)'}, reports: ${reports}, runs: ${runs}`);
console.log(`build time: median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s, min ${times[0]!.toFixed(2)} s, max ${times.at(-1)!.toFixed(2)} s`);
console.log(`peak memory (max RSS of the build process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
