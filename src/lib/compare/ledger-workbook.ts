// Ledger rows written with exceljs: an Excel workbook with one sheet per year, and CSV (UTF-8 with a
// byte order mark, so that Excel opens the Chinese text correctly). Kept compact and quick for the
// site's per-year downloads (a year of a 1,000-report archive has ~18,000 commitments): written
// through exceljs's streaming writer, only the long text columns styled (wrapped), links made
// hyperlinks only when they are absolute URLs.

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildLedgerRows, groupRowsByYear, ledgerColumns, ledgerHeaders, type LedgerColumn, type LedgerRow, type LedgerRowOptions } from './ledger-export.ts';
import type { LedgerEntry } from './ledger.ts';

/** Column widths in characters (a Chinese character counts as about two). */
const widths: Record<LedgerColumn, number> = {
  unit: 20, year: 7, report: 30, commitment: 60, section: 24, kind: 10, status: 10, evidence: 60,
  indicator: 16, target: 18, outcome: 18, verdict: 8, commitmentLink: 30, followUpLink: 30,
};

/** Columns whose long text wraps; the others stay on one line. */
const wrapped = new Set<LedgerColumn>(['report', 'commitment', 'section', 'evidence']);
const WRAPPED_STYLE: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};

/** The sheet of a year: `2024年`. */
export const sheetName = (year: number): string => `${year}年`;

type CellValue = string | number | null | { text: string; hyperlink: string };

function cellValue(row: LedgerRow, column: LedgerColumn): CellValue {
  const value = row[column];
  if (value === '') return null;
  if ((column === 'commitmentLink' || column === 'followUpLink') && typeof value === 'string' && /^https?:\/\//.test(value)) {
    return { text: value, hyperlink: value };
  }
  return value;
}

/** A sheet per year through exceljs's streaming writer: rows are written as they are added (3× faster than the in-memory workbook, and it never holds the whole sheet). */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, year: number, rows: readonly LedgerRow[]): void {
  const sheet = workbook.addWorksheet(sheetName(year), { views: [{ state: 'frozen', ySplit: 1 }] });
  // Wrapping is a style on each cell of the long text columns; the short ones carry none (a styled cell costs time and bytes).
  sheet.columns = ledgerColumns.map((column) => ({
    header: ledgerHeaders[column],
    key: column,
    width: widths[column],
    ...(wrapped.has(column) ? { style: WRAPPED_STYLE } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top' };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ledgerColumns.length } };
  // exceljs gives every cell a fresh copy of its column's style and looks each copy up again when the row
  // is written (more than half of the workbook time); one shared object per column is looked up once.
  const styles = ledgerColumns.map((column) => (wrapped.has(column) ? WRAPPED_STYLE : PLAIN_STYLE));
  for (const row of rows) {
    const added = sheet.addRow(ledgerColumns.map((column) => cellValue(row, column)));
    added.eachCell({ includeEmpty: true }, (cell, number) => { cell.style = styles[number - 1]!; });
    added.commit();
  }
  sheet.commit();
}

/** When a workbook says it was made, unless told: fixed, so that two builds of the same content are byte-identical. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Sets the modification time of every entry of a zip file (in its local header and its central directory
 * record) to `date`: the zip writer stamps each entry with the time it was written.
 */
export function stampZipEntries(bytes: Uint8Array, date: Date): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((Math.max(date.getUTCFullYear(), 1980) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  let at = view.getUint32(end + 16, true);
  for (let i = view.getUint16(end + 10, true); i > 0; i--) {
    const local = view.getUint32(at + 42, true);
    for (const offset of [at + 12, local + 10]) {
      view.setUint16(offset, time, true);
      view.setUint16(offset + 2, day, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

/** A workbook with one sheet per year, newest first; `created` defaults to a fixed date (see FIXED_DATE). */
export async function writeLedgerWorkbook(
  rows: readonly LedgerRow[],
  { title = '承诺台账', created = FIXED_DATE }: { title?: string; created?: Date } = {},
): Promise<{ bytes: Uint8Array<ArrayBuffer>; sheets: string[] }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // zlib level 5: a year of a 1,000-report archive is 2.1 MB against 2.6 MB as exceljs' archiver leaves it, for
  // 8% more time (levels 6 and 9 save almost nothing more for 20% and 90% more time: bench/ledger-workbook.ts).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true, zip: { zlib: { level: 5 } } });
  workbook.creator = '年鉴 Nianjian';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = title;
  const groups = groupRowsByYear(rows);
  for (const { year, rows: own } of groups) addSheet(workbook, year, own);
  await workbook.commit();
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  stampZipEntries(bytes, created);
  return { bytes, sheets: groups.map(({ year }) => sheetName(year)) };
}

/** One year's ledger as the site offers it for download (台账-<year>.xlsx). */
export async function writeYearLedgerWorkbook(year: number, entries: readonly LedgerEntry[], options: LedgerRowOptions): Promise<Uint8Array<ArrayBuffer>> {
  return (await writeLedgerWorkbook(buildLedgerRows(entries, options), { title: `${year}年承诺台账` })).bytes;
}

/** All rows in one CSV table (the year is a column), UTF-8 with a byte order mark, CRLF line ends as Excel writes them. */
export async function writeLedgerCsv(rows: readonly LedgerRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(ledgerColumns.map((column) => ledgerHeaders[column]));
  for (const row of rows) sheet.addRow(ledgerColumns.map((column) => row[column]));
  const buffer = await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true, rowDelimiter: '\r\n', alwaysWriteHeaders: false } });
  return new Uint8Array(buffer as ArrayBuffer);
}
