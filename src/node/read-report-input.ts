// Reads a report file for import or analysis: plain text (any encoding decodeText accepts),
// Word .docx (numbering restored), Markdown .md or MDX .mdx (frontmatter and blocks).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, ImportError, type TextEncoding } from '../lib/import/decode-text.ts';
import { readDocxParagraphs } from '../lib/import/docx-paragraphs.ts';
import { FrontmatterError, parseFrontmatter } from '../lib/frontmatter.ts';
import { readMarkdownBlocks } from '../lib/structure/markdown-blocks.ts';
import type { Block } from '../lib/structure/outline.ts';

export interface ReportInput {
  file: string;
  format: 'text' | 'docx' | 'markdown' | 'mdx';
  bytes: Uint8Array;
  text?: string;
  paragraphs?: string[];
  blocks?: Block[];
  /** The frontmatter of a .md/.mdx file, if it has one. */
  frontmatter?: Record<string, unknown>;
  encoding?: TextEncoding;
}

const FORMATS: Record<string, ReportInput['format']> = { '.txt': 'text', '.docx': 'docx', '.md': 'markdown', '.mdx': 'mdx' };

/** Extensions a folder import picks up (.mdx is already a report; analyze reads it too). */
export const importExtensions = ['.txt', '.docx', '.md'];

function explainReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT': return '文件不存在';
    case 'EACCES': case 'EPERM': return '没有读取权限';
    case 'EISDIR': return '这是目录，不是文件';
    default: return `无法读取（${error.code ?? error.message}）`;
  }
}

/** Reads and decodes one file; every problem is an ImportError whose message is the cause. */
export async function readReportInput(file: string, extensions: readonly string[] = Object.keys(FORMATS)): Promise<ReportInput> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.doc' || extension === '.wps') {
    throw new ImportError(`不支持旧版 ${extension} 格式，请在 Word/WPS 中另存为 .docx 后再导入`, file);
  }
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
    if (format === 'docx') {
      if (bytes.length === 0) throw new ImportError('文件为空（0 字节）');
      return { file, format, bytes, paragraphs: await readDocxParagraphs(bytes) };
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
