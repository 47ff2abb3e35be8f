import path from 'node:path';
import { createReportSkeleton, skeletonPath } from '../lib/import/report-skeleton.ts';
import { writeFileAtomic } from '../node/atomic-write.ts';
import { ContentSourceError, resolveContentSource } from '../node/content-source.ts';
import { parseCommandArgs } from './args.ts';
import { CliError } from './cli-error.ts';

export async function runNew(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { unit: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' }, title: { type: 'string' }, content: { type: 'string' } },
    'new',
  );
  if (!values.unit?.trim()) throw new CliError('缺少 --unit（报告单位，如 --unit 市社科联）', 2);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new CliError(`--year 应为四位年份，如 --year 2024；实际为 "${values.year ?? ''}"`, 2);
  let source;
  try {
    source = resolveContentSource(values.content);
  } catch (error) {
    if (error instanceof ContentSourceError) throw new CliError(error.message);
    throw error;
  }
  const kind = values.kind ?? source.config.kinds[0]!;
  if (!source.config.kinds.includes(kind)) {
    throw new CliError(`未知的报告类型 "${kind}"；站点配置中的类型为：${source.config.kinds.join('、')}`, 2);
  }
  const input = { unit: values.unit.trim(), year: Number(values.year), kind, title: values.title };
  const file = path.join(source.reportsDir, skeletonPath(input));
  const shown = path.relative(process.cwd(), file) || file;
  try {
    writeFileAtomic(file, createReportSkeleton(input), { overwrite: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`文件已存在，不会覆盖：${shown}`);
    throw error;
  }
  console.log(`已创建 ${shown}`);
  return 0;
}
