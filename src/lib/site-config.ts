import { z } from 'zod';
import { formatIssues, type FieldProblem } from './friendly-errors.ts';

/** Kinds offered when a site config names none: the common genres of Chinese annual reports. */
export const defaultKinds = [
  '述职报告',
  '工作总结',
  '政府工作报告',
  '工作计划',
  '专项报告',
  '调研报告',
  '其他',
] as const;

const basePathSchema = z
  .string()
  .trim()
  .regex(/^\/([^\s?#]*\/)?$|^\/[^\s?#]*$/, '应以 / 开头且不含空格、? 或 #，如 /archive/')
  .transform((base) => (base.endsWith('/') ? base : `${base}/`));

export const siteConfigSchema = z
  .object({
    /** The archive's name, shown in the header and page titles. */
    name: z.string().trim().min(1, '不能为空').default('年鉴 · 年度报告档案'),
    /** One sentence under the name on the home page. */
    description: z.string().trim().default('年度述职报告、工作总结与政府工作报告的内部档案'),
    /** Units in display order; units found in the content but not listed follow, by name. */
    units: z.array(z.string().trim().min(1, '单位名称不能为空')).default([]),
    /** The report kinds this archive accepts in frontmatter `kind`. */
    kinds: z
      .array(z.string().trim().min(1, '类型名称不能为空'))
      .min(1, '至少需要一个报告类型')
      .default([...defaultKinds]),
    /** Extra keywords that mark a top-level section as review, problems or plans, added to the built-in lists. */
    roleKeywords: z
      .object({
        review: z.array(z.string().trim().min(1)).default([]),
        problems: z.array(z.string().trim().min(1)).default([]),
        plans: z.array(z.string().trim().min(1)).default([]),
      })
      .strict()
      .default({ review: [], problems: [], plans: [] }),
    /** Names and phrases masked in public builds (pages, data and search index); the internal build shows them. */
    redact: z.array(z.string().trim().min(1, '不能为空')).default([]),
    /** What a redacted name becomes. */
    redactionMask: z.string().min(1).default('XXX'),
    /** Where the site is served, e.g. `/archive/`. The command line option --base wins. */
    base: basePathSchema.default('/'),
    /** The site's address (scheme and host, e.g. `https://archive.example.cn`): exported ledgers then carry absolute links. */
    url: z.string().trim().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, '应为以 http:// 或 https:// 开头的网址，如 https://archive.example.cn').optional(),
  })
  .strict();

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type SiteConfigInput = z.input<typeof siteConfigSchema>;

export class SiteConfigError extends Error {
  readonly problems: FieldProblem[];
  constructor(file: string, problems: FieldProblem[]) {
    super(`站点配置有误 ${file}:\n${problems.map((p) => `  - ${p.field}：${p.message}`).join('\n')}`);
    this.name = 'SiteConfigError';
    this.problems = problems;
  }
}

/** Validates a parsed config object; `file` only names the source in errors. */
export function parseSiteConfig(input: unknown, file = 'nianjian.config.json'): SiteConfig {
  const result = siteConfigSchema.safeParse(input ?? {});
  if (!result.success) throw new SiteConfigError(file, formatIssues(result.error.issues, input));
  return result.data;
}

/** Parses the JSON text of a config file, reporting JSON syntax errors with their position. */
export function parseSiteConfigText(text: string, file = 'nianjian.config.json'): SiteConfig {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SiteConfigError(file, [{ field: '(JSON)', message: `不是合法的 JSON：${(error as Error).message}` }]);
  }
  return parseSiteConfig(input, file);
}
