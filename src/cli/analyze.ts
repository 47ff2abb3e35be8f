import { analyzeReport, textToBlocks, type AnalyzeInput } from '../lib/structure/analyze.ts';
import { ImportError } from '../lib/import/decode-text.ts';
import { composeTitle, detectReportMetadata } from '../lib/import/report-metadata.ts';
import type { ReportFrontmatter } from '../lib/report-schema.ts';
import { parseRoleOverrides } from '../lib/structure/section-roles.ts';
import { readReportInput } from '../node/read-report-input.ts';
import { parseCommandArgs } from './args.ts';
import { CliError } from './cli-error.ts';

/** Prints the analysis of one report (.txt, .docx, .doc, .pdf, .md, .mdx) as JSON: outline with roles, commitments, metrics. */
export async function runAnalyze(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'analyze');
  if (positionals.length !== 1) throw new CliError('用法：nianjian analyze <文件>（.txt、.docx、.doc、.pdf、.md 或 .mdx）', 2);
  const file = positionals[0]!;
  let input;
  try {
    input = await readReportInput(file);
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(`${file}：${error.message}`);
    throw error;
  }
  const blocks = input.blocks ?? textToBlocks(input.text ?? input.paragraphs?.join('\n') ?? '');
  const frontmatter = (input.frontmatter ?? {}) as Partial<Record<keyof ReportFrontmatter, unknown>>;
  const roles = parseRoleOverrides(frontmatter.sectionRoles);
  // Without frontmatter, read title and year the way `nianjian import` does, so both commands agree.
  const detected = input.frontmatter ? undefined : detectReportMetadata(blocks.map((b) => b.text.trim()).filter(Boolean), file);
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : detected && detected.year !== undefined && detected.kind ? composeTitle(detected.titleLine, detected.year, detected.kind) : undefined;
  const year = typeof frontmatter.year === 'number' ? frontmatter.year : detected?.year;
  const request: AnalyzeInput = {
    blocks,
    ...(title !== undefined ? { title } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(roles ? { sectionRoles: roles } : {}),
  };
  console.log(JSON.stringify(analyzeReport(request), null, 2));
  return 0;
}
