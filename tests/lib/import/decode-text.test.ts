import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, ImportError } from '../../../src/lib/import/decode-text.ts';

const seedFile = path.resolve(import.meta.dirname, '../../../../shared/seeds/000_b79b53dc5c4bd550.txt');
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

// "中文报告" in GB2312/GBK/GB18030, as Notepad on a Chinese Windows saves it.
const GB_ZHONGWEN_BAOGAO = [0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xa8, 0xb8, 0xe6];

function causeOf(input: Uint8Array): string {
  try {
    decodeText(input, 'x.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).file).toBe('x.txt');
    return (error as Error).message;
  }
  throw new Error('decodeText accepted the input');
}

describe('decodeText', () => {
  it('reads the seed report (UTF-8 without BOM) exactly as written', () => {
    const raw = readFileSync(seedFile);
    expect(decodeText(raw)).toEqual({ text: raw.toString('utf8'), encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark and says it was there', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('一、履职情况')))).toEqual({ text: '一、履职情况', encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 for text that is not UTF-8', () => {
    expect(decodeText(bytes(...GB_ZHONGWEN_BAOGAO))).toEqual({ text: '中文报告', encoding: 'gb18030' });
  });

  it('turns CRLF and lone CR line ends into LF, in GB18030 files too', () => {
    expect(decodeText(utf8('一、甲\r\n（一）乙\r二、丙\n')).text).toBe('一、甲\n（一）乙\n二、丙\n');
    const gbCrlf = bytes(0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a, 0xb1, 0xa8, 0xb8, 0xe6, 0x0d, 0x0a);
    expect(decodeText(gbCrlf)).toEqual({ text: '中文\n报告\n', encoding: 'gb18030' });
  });

  it('reads UTF-16 in both byte orders when the file has a BOM', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65))).toEqual({ text: '中文', encoding: 'utf-16le' });
    expect(decodeText(bytes(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87))).toEqual({ text: '中文', encoding: 'utf-16be' });
  });

  it('refuses empty and blank files', () => {
    expect(causeOf(bytes())).toBe('文件为空（0 字节）');
    expect(causeOf(utf8(' \n\u3000\r\n'))).toBe('文件只有空白，没有文字');
  });

  it('refuses binary files, naming the known formats', () => {
    expect(causeOf(bytes(0x41, 0x00, 0x42, 0x43))).toMatch(/NUL 字节.*二进制文件/);
    expect(causeOf(bytes(...utf8('abc'), 0x01, 0x02, 0x03, 0x04, 0x05))).toMatch(/控制字符.*二进制文件/);
    expect(causeOf(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toMatch(/ZIP.*\.docx/);
    expect(causeOf(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).toMatch(/旧版 Word（\.doc）/);
    expect(causeOf(bytes(0x25, 0x50, 0x44, 0x46, 0x2d))).toMatch(/PDF/);
  });

  it('refuses text that is neither UTF-8 nor GB18030, and a BOM that lies', () => {
    expect(causeOf(bytes(0x41, 0xe4, 0xb8, 0xff, 0x42))).toMatch(/无法识别文件编码.*UTF-8.*GB18030/);
    expect(causeOf(bytes(0xef, 0xbb, 0xbf, 0xd6, 0xd0))).toMatch(/标明为 UTF-8 编码.*不是有效/);
  });
});
