import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `year` or `tags.2`. */
  field: string;
  /** What is wrong and what is expected, in Chinese for the archive's editors. */
  message: string;
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  array: '列表（如 [甲, 乙]）',
  object: '对象',
  date: '日期（如 2023-01-12）',
  undefined: '空',
  null: '空',
};

function describeValue(value: unknown): string {
  if (value === undefined) return '缺失';
  if (value === null) return '空值';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '无效日期' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return JSON.stringify(value) ?? String(value);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod issues into one readable line per field: what is expected and what was found. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FieldProblem[] {
  return issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(整体)';
    const found = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type': {
        // A schema's own message (Chinese, with an example) beats the generic "expected X".
        const expected = issue.message.startsWith('Invalid input') ? `应为${typeNames[issue.expected] ?? issue.expected}` : issue.message;
        if (found === undefined) return { field, message: `缺少必填字段，${expected}` };
        return { field, message: `${expected}，实际为 ${describeValue(found)}` };
      }
      case 'invalid_value':
        return {
          field,
          message: `应为以下之一：${issue.values.map(String).join('、')}；实际为 ${describeValue(found)}`,
        };
      case 'unrecognized_keys':
        return { field: issue.keys.join('、'), message: '不认识的字段（拼写错误？）' };
      default:
        return { field, message: `${issue.message}；实际为 ${describeValue(found)}` };
    }
  });
}
