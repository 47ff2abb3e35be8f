import { readFileSync } from 'node:fs';
import path from 'node:path';
import CFB from 'cfb';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/lib/import/detect-format.ts';
import { readDocParagraphs } from '../../../src/lib/import/doc-paragraphs.ts';
import { readPdfParagraphs } from '../../../src/lib/import/read-pdf.ts';
import { makePdf, setLines } from '../../helpers/make-pdf.ts';

const seeds = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const seedDoc = readFileSync(path.join(seeds, '000_b79b53dc5c4bd550.doc'));
const bytes = (text: string) => new TextEncoder().encode(text);

/** The seed .doc with its WordDocument stream changed by `edit` (the FIB is at its start). */
function editedSeedDoc(edit: (stream: Uint8Array) => void): Uint8Array {
  const container = CFB.read(seedDoc, { type: 'buffer' });
  const entry = CFB.find(container, 'WordDocument')!;
  const stream = Uint8Array.from(entry.content as ArrayLike<number>);
  edit(stream);
  entry.content = stream;
  entry.size = stream.length;
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** An OLE compound file holding only the given streams (an Excel workbook, an encrypted .docx). */
function oleWith(...names: string[]): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const name of names) CFB.utils.cfb_add(container, name, new Uint8Array(600));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

describe('detectFormat reads what a file is from its bytes', () => {
  it('tells the containers and documents apart', async () => {
    expect(detectFormat(seedDoc)).toBe('ole');
    expect(detectFormat(await new JSZip().file('a', 'b').generateAsync({ type: 'uint8array' }))).toBe('zip');
    expect(detectFormat(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat(bytes('\r\n%PDF-1.4'))).toBe('pdf');
    expect(detectFormat(bytes('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}'))).toBe('rtf');
    expect(detectFormat(bytes('\ufeff<html xmlns:w="urn:schemas-microsoft-com:office:word"><body><p>一、</p>'))).toBe('html');
    expect(detectFormat(bytes('<!DOCTYPE html><html>'))).toBe('html');
    expect(detectFormat(bytes('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart"'))).toBe('mhtml');
    expect(detectFormat(bytes('2021年工作总结\n一、履职情况'))).toBe('unknown');
    expect(detectFormat(new Uint8Array())).toBe('unknown');
  });
});

describe('readDocParagraphs on documents made for the tests', () => {
  it('writes back automatic list numbers (一、 （一） 1.) from the list tables, as for the .docx it was saved from', async () => {
    const { paragraphs, warnings } = await readDocParagraphs(readFileSync(path.join(fixtures, 'doc-auto-numbering/input.doc')));
    const seedLines = readFileSync(path.join(seeds, '000_b79b53dc5c4bd550.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    expect(paragraphs).toEqual(seedLines);
    expect(paragraphs.filter((text) => /^[一二三]、/.test(text))).toEqual(['一、履职情况', '二、主要问题', '三、下步打算']);
    expect(warnings).toEqual([]);
  });

  it('shows nothing for an optional hyphen (word-extractor alone writes "undefined" there)', async () => {
    const { paragraphs } = await readDocParagraphs(readFileSync(path.join(fixtures, 'doc-soft-hyphen/input.doc')));
    expect(paragraphs).toEqual(['2021年工作总结', '一、软连字符测试', '第二段“引号”—破折号。']);
  });

  it('explains a truncated file, another OLE document, a password and a pre-97 Word file', async () => {
    await expect(readDocParagraphs(seedDoc.subarray(0, 5000))).rejects.toThrow(/\.doc 文件已损坏或不完整/);
    await expect(readDocParagraphs(oleWith('Workbook'))).rejects.toThrow('这是 Excel 表格，不是 Word 文档');
    await expect(readDocParagraphs(oleWith('EncryptedPackage', 'EncryptionInfo'))).rejects.toThrow(/设置了打开密码的 Word 文档/);
    await expect(readDocParagraphs(editedSeedDoc((fib) => { fib[0x0b] = fib[0x0b]! | 0x01; }))).rejects.toThrow(/设置了打开密码/);
    await expect(readDocParagraphs(editedSeedDoc((fib) => { fib[2] = 104; fib[3] = 0; }))).rejects.toThrow(/Word 6\.0\/95/);
    await expect(readDocParagraphs(new Uint8Array())).rejects.toThrow('文件为空（0 字节）');
  });
});

describe('readPdfParagraphs on PDFs made for the tests', () => {
  const report = ['2021年工作总结', '一、履职情况', '全年开展集体学习26次，GDP增长6.5%。'];

  it('reads text set in a non-embedded Chinese font through a predefined CMap (UniGB-UCS2-H)', async () => {
    const { paragraphs, warnings } = await readPdfParagraphs(makePdf([{ lines: setLines(report) }]));
    expect(paragraphs).toEqual(report);
    expect(warnings).toEqual([]);
  });

  it('drops page numbers and a running header across pages', async () => {
    const page = (n: number, lines: string[]) => ({
      lines: [{ x: 250, y: 806, text: '2021年度述职报告' }, ...setLines(lines), { x: 290, y: 40, text: `- ${n} -` }],
    });
    const { paragraphs } = await readPdfParagraphs(makePdf([page(1, report.slice(0, 2)), page(2, report.slice(2))]));
    expect(paragraphs).toEqual(report);
  });

  it('refuses a scan, says which pages of a mixed PDF are scans, and explains a damaged file', async () => {
    await expect(readPdfParagraphs(makePdf([{ image: true }, { image: true }]))).rejects.toThrow(/扫描版 PDF/);
    const mixed = await readPdfParagraphs(makePdf([{ lines: setLines(report) }, { image: true }]));
    expect(mixed.warnings).toEqual(['第 2 页没有文字层（可能是扫描页），这些页的内容未能导入']);
    const whole = makePdf([{ lines: setLines(report) }]);
    await expect(readPdfParagraphs(whole.subarray(0, 200))).rejects.toThrow('不是有效的 PDF 文件（文件已损坏或不完整）');
    await expect(readPdfParagraphs(new Uint8Array())).rejects.toThrow('文件为空（0 字节）');
  });
});
