import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKinds } from '../../src/lib/site-config.ts';
import { formatReportProblem, validateReports } from '../../src/lib/validate-reports.ts';

const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/invalid-reports/reports/2022');
const sources = readdirSync(fixtureDir)
  .sort()
  .map((name) => ({ path: `reports/2022/${name}`, text: readFileSync(path.join(fixtureDir, name), 'utf8') }));

describe('validateReports', () => {
  const { reports, problems } = validateReports(sources, defaultKinds);
  const lines = problems.map(formatReportProblem);

  it('reports every problem of every file in one run, with file, line, field and what is expected', () => {
    expect(lines).toMatchInlineSnapshot(`
      [
        "reports/2022/bad-fields.mdx:3  year：应为四位整数年份，如 2022，实际为 "二〇二二"",
        "reports/2022/bad-fields.mdx:5  kind：应为以下之一：述职报告、工作总结、政府工作报告、工作计划、专项报告、调研报告、其他；实际为 "述职"",
        "reports/2022/bad-fields.mdx:6  date：不是有效日期；实际为 "2022-13-40"",
        "reports/2022/bad-fields.mdx:7  confidentiality：应为以下之一：public、internal；实际为 "secret"",
        "reports/2022/bad-yaml.mdx:6  YAML 语法错误：Missing closing "quote",
        "reports/2022/missing-fields.mdx:2  year：缺少必填字段，应为四位整数年份，如 2022",
        "reports/2022/missing-fields.mdx:2  unit：缺少必填字段，应为文本",
        "reports/2022/missing-fields.mdx:4  confidentialty：不认识的字段（拼写错误？）",
        "reports/2022/no-frontmatter.md:1  文件开头缺少 --- 包围的 frontmatter（标题、年份、单位等）",
      ]
    `);
  });

  it('still accepts the valid file, normalising its tags', () => {
    expect(reports.map((report) => report.path)).toEqual(['reports/2022/valid.mdx']);
    expect(reports[0]!.data).toMatchObject({ year: 2022, confidentiality: 'internal', tags: ['党建', '意识形态'] });
  });

  it('accepts a YAML date and keeps it as YYYY-MM-DD text', () => {
    const text = '---\ntitle: t\nyear: 2021\nunit: u\nkind: 述职报告\ndate: 2022-01-12\n---\n';
    const result = validateReports([{ path: 'a.mdx', text }], defaultKinds);
    expect(result.problems).toEqual([]);
    expect(result.reports[0]!.data.date).toBe('2022-01-12');
  });

  it('rejects a kind the site config does not list and names the allowed ones', () => {
    const text = '---\ntitle: t\nyear: 2021\nunit: u\nkind: 述职报告\n---\n';
    const result = validateReports([{ path: 'a.mdx', text }], ['工作总结']);
    expect(result.problems.map(formatReportProblem)).toEqual(['a.mdx:5  kind：应为以下之一：工作总结；实际为 "述职报告"']);
  });

  it('rejects two files that would publish at the same address', () => {
    const text = '---\ntitle: t\nyear: 2021\nunit: u\nkind: 述职报告\n---\n';
    const result = validateReports(
      [{ path: 'r/2021/a.md', text, id: '2021/a' }, { path: 'r/2021/a.mdx', text, id: '2021/a' }],
      defaultKinds,
    );
    expect(result.problems.map(formatReportProblem)).toEqual(['r/2021/a.mdx  与 r/2021/a.md 的报告 id 相同（2021/a），请重命名其中一个文件']);
  });

  it('says so when there is nothing to build', () => {
    expect(validateReports([], defaultKinds).problems[0]!.message).toContain('没有找到任何报告文件');
  });
});
