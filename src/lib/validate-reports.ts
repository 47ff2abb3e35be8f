import { formatIssues } from './friendly-errors.ts';
import { FrontmatterError, parseFrontmatter } from './frontmatter.ts';
import { createReportSchema, type ReportFrontmatter } from './report-schema.ts';

export interface ReportSource {
  /** Path shown to the user, relative to where they ran the command. */
  path: string;
  text: string;
  /** The report's id (its URL); two files with one id would overwrite each other's page. */
  id?: string;
}

export interface ReportProblem {
  path: string;
  line?: number;
  field?: string;
  message: string;
}

export interface ValidReport {
  path: string;
  id?: string | undefined;
  data: ReportFrontmatter;
  body: string;
}

/** Validates every report and collects every problem, so one run lists all that needs fixing. */
export function validateReports(
  sources: readonly ReportSource[],
  kinds: readonly string[],
): { reports: ValidReport[]; problems: ReportProblem[] } {
  const schema = createReportSchema(kinds);
  const reports: ValidReport[] = [];
  const problems: ReportProblem[] = [];
  for (const source of sources) {
    let parsed;
    try {
      parsed = parseFrontmatter(source.text);
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ path: source.path, ...(error.line ? { line: error.line } : {}), message: error.message });
      continue;
    }
    const result = schema.safeParse(parsed.data);
    if (result.success) {
      reports.push({ path: source.path, id: source.id, data: result.data, body: parsed.body });
      continue;
    }
    for (const problem of formatIssues(result.error.issues, parsed.data)) {
      const line = parsed.keyLines.get(problem.field.split('.')[0] ?? '') ?? 2;
      problems.push({ path: source.path, line, field: problem.field, message: problem.message });
    }
  }
  const seen = new Map<string, string>();
  for (const source of sources) {
    if (source.id === undefined) continue;
    const first = seen.get(source.id);
    if (first) problems.push({ path: source.path, message: `与 ${first} 的报告 id 相同（${source.id}），请重命名其中一个文件` });
    else seen.set(source.id, source.path);
  }
  if (sources.length === 0) problems.push({ path: '(content)', message: '没有找到任何报告文件（.md 或 .mdx）' });
  return { reports, problems };
}

/** `path:line  field：message`, the form editors and terminals link to. */
export function formatReportProblem(problem: ReportProblem): string {
  const where = problem.line ? `${problem.path}:${problem.line}` : problem.path;
  return problem.field ? `${where}  ${problem.field}：${problem.message}` : `${where}  ${problem.message}`;
}
