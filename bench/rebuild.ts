/**
 * The rebuild bench: how long `nianjian build` takes after one report of an archive is edited, against a
 * cold build of the same archive, whole and in shards.
 *
 *   npx node bench/rebuild.ts <content dir> [reports per shard] [--whole]
 *
 * Works on a copy of the content folder (e.g. the one bench/scale.ts generates, <work dir>/content). Steps:
 * a cold sharded build with an empty shard cache; then one report of the middle year gets a paragraph
 * with a new figure; then the same build again, which reuses every shard that does not read that report.
 * With --whole it also times a cold unsharded build. Prints the seconds and the rebuild's share of each
 * cold build. Run from the project's root.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const whole = args.includes('--whole');
const [contentArg, shardArg = '200'] = args.filter((arg) => arg !== '--whole');
if (!contentArg) {
  console.error('用法：npx node bench/rebuild.ts <内容目录> [每片报告数] [--whole]');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'nianjian-rebuild-'));
const content = path.join(work, 'content');
cpSync(path.resolve(contentArg), content, { recursive: true });

/** One `nianjian build` into `<work>/<site>`, timed; exits the bench if it fails. */
function build(label: string, site: string, extra: string[], env: Record<string, string>): number {
  // Astro's own caches start empty for each cold build, as in bench/scale.ts.
  if (label.startsWith('cold')) for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(path.join(root, dir), { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync('npx', ['--no-install', 'nianjian', 'build', '--content', content, '--out', path.join(work, site), '--quiet', ...extra], {
    cwd: root, encoding: 'utf8', env: { ...process.env, ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(`${label} failed:\n${result.stdout}\n${result.stderr}`);
    process.exit(1);
  }
  console.log(`${label.padEnd(14)} ${seconds.toFixed(1).padStart(7)} s`);
  return seconds;
}

const cache = { NIANJIAN_SHARD_CACHE: path.join(work, 'cache') };
const sharded = ['--shard-reports', shardArg];
const coldWhole = whole ? build('cold whole', 'whole', [], { NIANJIAN_SHARD_CACHE: '0' }) : undefined;
// The shard cache is kept per output folder: the rebuild writes to the same one, as a user's would.
const coldSharded = build('cold sharded', 'sharded', sharded, cache);

// The middle year's first report gets a paragraph with a figure: its text, metrics and analysis change.
const reportsDir = path.join(content, 'reports');
const years = readdirSync(reportsDir).filter((name) => /^\d{4}$/.test(name)).sort();
const year = years[Math.floor(years.length / 2)]!;
const file = path.join(reportsDir, year, readdirSync(path.join(reportsDir, year)).filter((name) => name.endsWith('.mdx')).sort()[0]!);
appendFileSync(file, '\n新增一段：全年新建口袋公园12个。\n');
console.log(`edited         ${path.relative(content, file)}`);

const rebuild = build('rebuild', 'sharded', sharded, cache);
if (!readFileSync(path.join(work, 'sharded', 'reports', path.relative(reportsDir, file).replace(/\.mdx$/, ''), 'index.html'), 'utf8').includes('全年新建口袋公园12个')) {
  console.error('the rebuilt site does not show the edit');
  process.exit(1);
}
console.log(`rebuild / cold sharded: ${((rebuild / coldSharded) * 100).toFixed(0)}%`);
if (coldWhole !== undefined) console.log(`rebuild / cold whole:   ${((rebuild / coldWhole) * 100).toFixed(0)}%`);
rmSync(work, { recursive: true, force: true });
