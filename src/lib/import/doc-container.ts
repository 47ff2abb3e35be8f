// The streams of an OLE compound file (the container of .doc, .xls, .ppt and of password-protected
// .docx), read with SheetJS's cfb, and the checks that tell a readable Word 97–2003 document from
// everything else that shares its container.

import CFB from 'cfb';
import { ImportError } from './decode-text.ts';

export interface WordStreams {
  /** The WordDocument stream: the FIB, then the text and formatting pages. */
  wordDocument: Uint8Array;
  /** The 0Table or 1Table stream the FIB names: piece table, styles, lists. */
  table: Uint8Array;
}

const WORD_MAGIC = 0xa5ec;
/** nFib of Word 97 and later; Word 6.0/95 wrote 101–105 with another FIB layout. */
const WORD97_NFIB = 0x00c1;

const OTHER_DOCUMENTS: [string, string][] = [
  ['EncryptedPackage', '这是设置了打开密码的 Word 文档，无法读取；请先取消密码后再导入'],
  ['Workbook', '这是 Excel 表格，不是 Word 文档'],
  ['Book', '这是 Excel 表格，不是 Word 文档'],
  ['PowerPoint Document', '这是 PowerPoint 演示文稿，不是 Word 文档'],
];

function stream(container: CFB.CFB$Container, name: string): Uint8Array | undefined {
  const entry = CFB.find(container, name);
  return entry?.content ? Uint8Array.from(entry.content as ArrayLike<number>) : undefined;
}

/** Opens a .doc's container; ImportError for a damaged, encrypted, pre-97 or non-Word file. */
export function openWordStreams(bytes: Uint8Array): WordStreams {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw new ImportError('.doc 文件已损坏或不完整，无法读取；请在 Word/WPS 中打开并另存为 .docx 后再导入');
  }
  const wordDocument = stream(container, 'WordDocument');
  if (!wordDocument) {
    const other = OTHER_DOCUMENTS.find(([name]) => stream(container, name) !== undefined);
    throw new ImportError(other?.[1] ?? '不是 Word 文档：文件中没有 Word 正文');
  }
  const view = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  if (wordDocument.length < 0x200 || view.getUint16(0, true) !== WORD_MAGIC) throw new ImportError('不是有效的 Word 文档（文件头不对），文件可能已损坏');
  if (view.getUint16(2, true) < WORD97_NFIB) throw new ImportError('这是 Word 6.0/95 或更早的文档，无法读取；请在 Word/WPS 中另存为 .docx 后再导入');
  const flags = view.getUint16(0x0a, true);
  if (flags & 0x0100) throw new ImportError('Word 文档设置了打开密码，无法读取；请先取消密码后再导入');
  const table = stream(container, flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new ImportError('.doc 文件不完整：缺少表格流，无法读取');
  return { wordDocument, table };
}
