import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.ts';

/** node:util parseArgs, with unknown or malformed options reported as a one-line user error. */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(`nianjian ${command}：${(error as Error).message}`, 2);
  }
}

/** Normalises a --base value to `/path/` form. */
export function normaliseBase(value: string): string {
  const trimmed = value.trim();
  if (!/^\/[^\s?#]*$/.test(trimmed)) throw new CliError(`--base 应以 / 开头且不含空格、? 或 #，如 /archive/；实际为 "${value}"`, 2);
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Parses --shard-reports: a positive whole number of reports per shard, or undefined when not given. */
export function parseShardReports(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count <= 0) throw new CliError(`--shard-reports 应为正整数（每个分片最多的报告数），收到：${value}`, 2);
  return count;
}
