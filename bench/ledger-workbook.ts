/**
 * Time and size of the per-year ledger workbooks the site offers (台账-<year>.xlsx).
 *
 *   npx node bench/ledger-workbook.ts [--content dir] [--units 40] [--commitments 460]
 *
 * First the sample archive (or --content): rows and workbook of each year, as the build makes them.
 * Then one year of the scale target (1,000 reports = 40 units × 25 years, ~460 commitments a report):
 * a year of <units> × <commitments> rows made by repeating the real rows, written the same way;
 * the whole archive is 25 such years.
 */
import { parseArgs } from 'node:util';
import { buildLedgerRows, groupRowsByYear } from '../src/lib/compare/ledger-export.ts';
import { writeLedgerWorkbook } from '../src/lib/compare/ledger-workbook.ts';
import { loadLedger } from '../src/node/ledger-source.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, units: { type: 'string', default: '40' }, commitments: { type: 'string', default: '460' } } });
const { ledger, titles } = loadLedger(values.content, 'internal');

const time = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
};

// Warm up exceljs once, as a build does on its first workbook.
await writeLedgerWorkbook(buildLedgerRows(ledger.slice(0, 10), { base: '/' }));

let total = 0;
console.log('年份\t承诺\t耗时 ms\t大小 KB');
const rows = buildLedgerRows(ledger, { base: '/', titleOf: (id) => titles.get(id) });
for (const { year, rows: own } of groupRowsByYear(rows)) {
  const [{ bytes }, ms] = await time(() => writeLedgerWorkbook(buildLedgerRows(ledger.filter((e) => e.year === year), { base: '/', titleOf: (id) => titles.get(id) })));
  total += ms;
  console.log(`${year}\t${own.length}\t${ms.toFixed(0)}\t${(bytes.length / 1024).toFixed(1)}`);
}
console.log(`示例档案：${rows.length} 条承诺，${groupRowsByYear(rows).length} 个工作簿共 ${total.toFixed(0)} ms（每千条承诺 ${(total / rows.length * 1000).toFixed(0)} ms）`);

const perYear = Number(values.units) * Number(values.commitments);
const year = Array.from({ length: perYear }, (_, i) => {
  const row = rows[i % rows.length]!;
  // Vary the text so shared strings are not all repeats, as in a real archive.
  return { ...row, year: 2000, unit: `单位${i % Number(values.units)}`, commitment: `${row.commitment}（${i}）`, evidence: row.evidence && `${row.evidence}（${i}）` };
});
const [{ bytes }, ms] = await time(() => writeLedgerWorkbook(year));
const memory = process.memoryUsage().rss / 2 ** 20;
console.log(`规模目标中的一年：${perYear} 条承诺，${ms.toFixed(0)} ms，${(bytes.length / 2 ** 20).toFixed(1)} MB（进程内存 ${memory.toFixed(0)} MB）`);
console.log(`推算 1,000 篇报告（25 年）：约 ${(ms * 25 / 1000).toFixed(0)} s，约 ${(bytes.length * 25 / 2 ** 20).toFixed(0)} MB`);
