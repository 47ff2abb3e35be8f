/**
 * The scale bench: the project beside a bare Astro + Pagefind site on the same generated archive
 * (../shared/scale/run.sh), then the bytes a cold search transfers on the project's site.
 *
 *   npx node bench/scale.ts <units> <years> [work dir]     e.g. 10 10 (100 reports), 40 25 (1,000)
 *
 * Prints run.sh's rows (wall and CPU seconds, peak memory of the process tree, output sizes, ratios),
 * the largest page written, and bench/search-bytes.ts's rows. Run from the project's root.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [units, years, workArg] = process.argv.slice(2);
if (!units || !years) {
  console.error('用法：npx node bench/scale.ts <单位数> <年数> [工作目录]');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const work = path.resolve(workArg ?? path.join(tmpdir(), 'nianjian-scale', String(Number(units) * Number(years))));
const runScript = path.resolve(root, '../shared/scale/run.sh');

const scale = spawnSync('bash', [runScript, units, years, work], { cwd: root, stdio: 'inherit' });
if (scale.status !== 0) process.exit(scale.status ?? 1);
// run.sh goes on after a failed build and says so in its summary; a failed build fails the bench.
const projectRow = /^project rc=(\d+)/m.exec(readFileSync(path.join(work, 'summary.txt'), 'utf8'));
if (projectRow?.[1] !== '0') {
  console.error(`nianjian build failed (rc=${projectRow?.[1] ?? '?'}): see ${path.join(work, 'project.log')}`);
  process.exit(1);
}

/** The largest HTML and JSON files of the built site: no page may pass 500 KB. */
function largestFiles(dir: string, count: number): { file: string; kb: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|json)$/.test(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, file), kb: statSync(file).size / 1024 };
    })
    .sort((a, b) => b.kb - a.kb)
    .slice(0, count);
}
const site = path.join(work, 'dist-project');
for (const { file, kb } of largestFiles(site, 3)) console.log(`largest page: ${kb.toFixed(0)} KB ${file}`);

const bytes = spawnSync(process.execPath, [path.join(root, 'bench/search-bytes.ts'), site, '/'], { cwd: root, stdio: 'inherit' });
process.exit(bytes.status ?? 1);
