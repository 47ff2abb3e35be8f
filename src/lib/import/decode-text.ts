// Turns the bytes of a plain-text report into text. Chinese offices save reports as
// UTF-8 (with or without BOM), GBK/GB18030 (Notepad and WPS on older Windows) or
// UTF-16 ("Unicode" in Notepad); we never guess silently: text that is not valid in
// any of them, or that is not text at all, is refused with the reason.

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A file that cannot be imported; `message` is the cause, in Chinese, for `错误：<file>：<cause>`. */
export class ImportError extends Error {
  readonly file: string | undefined;
  constructor(message: string, file?: string) {
    super(message);
    this.name = 'ImportError';
    this.file = file;
  }
}

const BOMS: { bytes: number[]; encoding: TextEncoding; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom', label: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', label: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', label: 'utf-16be' },
];

// Formats people drop into an import folder by mistake, named so the message can say what to do.
const SIGNATURES: { bytes: number[]; cause: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], cause: '这是 ZIP 格式的文件（如 .docx），不是纯文本；Word 文档请使用 .docx 扩展名' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], cause: '这是旧版 Word（.doc）或 Excel 文件，不是纯文本；Word 文档请使用 .doc 扩展名' },
  { bytes: [0x25, 0x50, 0x44, 0x46], cause: '这是 PDF 文件，不是纯文本；请使用 .pdf 扩展名' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], cause: '这是 PNG 图片，不是文字' },
  { bytes: [0xff, 0xd8, 0xff], cause: '这是 JPEG 图片，不是文字' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Share of bytes that never occur in text: C0 controls other than tab, LF, VT, FF, CR and ESC. */
function controlByteRatio(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 64 * 1024);
  let count = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) count++;
  }
  return count / sample.length;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a text file: BOM first, then strict UTF-8, then GB18030; line ends become `\n`. */
export function decodeText(bytes: Uint8Array, file?: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new ImportError('文件为空（0 字节）', file);
  let encoding: TextEncoding | undefined;
  let text: string | null = null;
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  if (bom) {
    encoding = bom.encoding;
    text = decodeStrict(bytes.subarray(bom.bytes.length), bom.label);
    if (text === null) throw new ImportError(`文件开头标明为 ${bom.label.toUpperCase()} 编码，但内容不是有效的 ${bom.label.toUpperCase()} 文本`, file);
  } else {
    const signature = SIGNATURES.find((candidate) => startsWith(bytes, candidate.bytes));
    if (signature) throw new ImportError(signature.cause, file);
    // Text in UTF-8 or GB18030 never contains NUL; UTF-16 without a BOM is not accepted either.
    if (bytes.includes(0)) throw new ImportError('文件含有 NUL 字节，是二进制文件而不是纯文本', file);
    if (controlByteRatio(bytes) > 0.02) throw new ImportError('文件含有大量控制字符，是二进制文件而不是纯文本', file);
    text = decodeStrict(bytes, 'utf-8');
    encoding = 'utf-8';
    if (text === null) {
      text = decodeStrict(bytes, 'gb18030');
      encoding = 'gb18030';
    }
    if (text === null) throw new ImportError('无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030；请用记事本或 WPS 另存为 UTF-8 后再导入', file);
  }
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') throw new ImportError('文件只有空白，没有文字', file);
  return { text: normalized, encoding };
}
