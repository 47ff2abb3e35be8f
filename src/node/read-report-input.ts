// Reads a report file for import or analysis: plain text (any encoding decodeText accepts),
// Word .docx (numbering restored), Word 97–2003 .doc, PDF with a text layer, Markdown .md or
// MDX .mdx (frontmatter and blocks). Documents are read by what their bytes are, not by their
// name: a .docx saved as .doc, or a .doc renamed .docx, gets the right reader.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, ImportError, type TextEncoding } from '../lib/import/decode-text.ts';
import { detectFormat } from '../lib/import/detect-format.ts';
import { readDocParagraphs } from '../lib/import/doc-paragraphs.ts';
import { readDocxParagraphs } from '../lib/import/docx-paragraphs.ts';
import { readPdfParagraphs } from '../lib/import/read-pdf.ts';
import { FrontmatterError, parseFrontmatter } from '../lib/frontmatter.ts';
import { readMarkdownBlocks } from '../lib/structure/markdown-blocks.ts';
import type { Block } from '../lib/structure/outline.ts';

export interface ReportInput {
  file: string;
  format: 'text' | 'docx' | 'doc' | 'pdf' | 'markdown' | 'mdx';
  bytes: Uint8Array;
  text?: string;
  paragraphs?: string[];
  blocks?: Block[];
  /** The frontmatter of a .md/.mdx file, if it has one. */
  frontmatter?: Record<string, unknown>;
  encoding?: TextEncoding;
  /** What the reader could not take over (scanned PDF pages, text boxes moved to the end). */
  warnings?: string[];
}

const FORMATS: Record<string, ReportInput['format']> = {
  '.txt': 'text', '.docx': 'docx', '.doc': 'doc', '.pdf': 'pdf', '.md': 'markdown', '.mdx': 'mdx',
};

/** Extensions a folder import picks up (.mdx is already a report; analyze reads it too). */
export const importExtensions = ['.txt', '.docx', '.doc', '.pdf', '.md'];

function explainReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT': return '文件不存在';
    case 'EACCES': case 'EPERM': return '没有读取权限';
    case 'EISDIR': return '这是目录，不是文件';
    default: return `无法读取（${error.code ?? error.message}）`;
  }
}

type DocumentInput = Pick<ReportInput, 'format' | 'paragraphs' | 'warnings'>;

/**
 * A Word document or PDF by its content. Undefined for text under a .doc name (some old systems
 * export plain text as .doc), which then reads as text; RTF and web pages are refused by name.
 */
async function readDocument(bytes: Uint8Array, extension: string): Promise<DocumentInput | undefined> {
  if (bytes.length === 0) throw new ImportError('文件为空（0 字节）');
  const content = detectFormat(bytes);
  switch (content) {
    case 'zip': return { format: 'docx', paragraphs: await readDocxParagraphs(bytes) };
    case 'ole': return { format: 'doc', ...(await readDocParagraphs(bytes)) };
    case 'pdf': return { format: 'pdf', ...(await readPdfParagraphs(bytes)) };
    case 'rtf': throw new ImportError(`这是 RTF 格式的文件（扩展名为 ${extension}），无法按 Word 文档读取；请在 Word/WPS 中另存为 .docx 后再导入`);
    case 'html': case 'mhtml':
      throw new ImportError(`这是${content === 'html' ? '网页（HTML）' : '单个文件网页（MHTML）'}格式的文件（扩展名为 ${extension}），不是 Word 文档；请在 Word/WPS 中另存为 .docx 后再导入`);
    case 'unknown':
      if (extension === '.doc') return undefined;
      throw new ImportError(extension === '.pdf' ? '不是 PDF 文件（文件头不是 %PDF），文件可能已损坏' : '不是有效的 .docx 文件（无法解压）；如果设置了打开密码，请先取消密码后再导入');
  }
}

/** Reads and decodes one file; every problem is an ImportError whose message is the cause. */
export async function readReportInput(file: string, extensions: readonly string[] = Object.keys(FORMATS)): Promise<ReportInput> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.wps') throw new ImportError('不支持 WPS 文字的 .wps 格式，请在 WPS 中另存为 .docx 或 .doc 后再导入', file);
  const format = FORMATS[extension];
  if (!format || !extensions.includes(extension)) {
    throw new ImportError(`不支持的文件类型“${extension || '（无扩展名）'}”，可读取 ${extensions.join('、')}`, file);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ImportError(explainReadError(error as NodeJS.ErrnoException), file);
  }
  try {
    if (format === 'docx' || format === 'doc' || format === 'pdf') {
      const document = await readDocument(bytes, extension);
      if (document) return { file, bytes, ...document };
    }
    if (format === 'doc') {
      try {
        return { file, format: 'text', bytes, ...decodeText(bytes, file) };
      } catch {
        throw new ImportError('无法识别的文件格式：既不是 Word 文档，也不是 PDF 或纯文本');
      }
    }
    const { text, encoding } = decodeText(bytes, file);
    if (format === 'text') return { file, format, bytes, text, encoding };
    let body = text;
    let frontmatter: Record<string, unknown> | undefined;
    if (/^\uFEFF?---[ \t]*\n/.test(text)) {
      const parsed = parseFrontmatter(text);
      body = parsed.body;
      frontmatter = parsed.data;
    }
    const blocks = readMarkdownBlocks(body, { mdx: format === 'mdx' });
    return { file, format, bytes, blocks, encoding, ...(frontmatter ? { frontmatter } : {}) };
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(error.message, file);
    if (error instanceof FrontmatterError) throw new ImportError(`frontmatter 有误（第 ${error.line ?? 1} 行）：${error.message}`, file);
    throw error;
  }
}
