import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  /** 1-based line in the file of each top-level key, for error messages. */
  keyLines: Map<string, number>;
  /** 1-based line where the body starts. */
  bodyLine: number;
  body: string;
}

export class FrontmatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'FrontmatterError';
    this.line = line;
  }
}

const fence = /^---[ \t]*\r?\n/;

/** Splits `---` YAML frontmatter from the body and parses it, keeping line numbers for friendly errors. */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const source = text.replace(/^\uFEFF/, '');
  if (!fence.test(source)) throw new FrontmatterError('文件开头缺少 --- 包围的 frontmatter（标题、年份、单位等）', 1);
  const afterOpen = source.replace(fence, '');
  const close = /^---[ \t]*$/m.exec(afterOpen);
  if (!close) throw new FrontmatterError('frontmatter 没有结束的 --- 行', 1);
  const yamlText = afterOpen.slice(0, close.index);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line + 1;
    throw new FrontmatterError(`YAML 语法错误：${firstError.message.split('\n')[0]}`, line);
  }
  const keyLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + 1);
      }
    }
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FrontmatterError('frontmatter 应为“字段: 值”的列表', 2);
  }
  const yamlLines = yamlText.split('\n').length;
  const bodyStart = close.index + close[0].length;
  return {
    data: data as Record<string, unknown>,
    keyLines,
    bodyLine: yamlLines + 2,
    body: afterOpen.slice(bodyStart).replace(/^\r?\n/, ''),
  };
}
