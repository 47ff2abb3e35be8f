import { z } from 'zod';
import { defaultKinds } from './site-config.ts';

export const confidentialityLevels = ['public', 'internal'] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

export const sectionRoles = ['review', 'problems', 'plans', 'other'] as const;

/** How a later report says an earlier promise went. */
export const followUpStatuses = ['落实', '推进中', '未落实', '调整'] as const;

/**
 * An explicit follow-up: this report reports on an earlier report's commitment.
 * `commitment` is `<report id>#<commitment id>`, e.g. `2022/明湖市社会科学界联合会-述职报告#c-3-2-e3`.
 */
const followUpSchema = z
  .object({
    commitment: z.string().trim().regex(/^[^#]+#c-[\w-]+$/, '应为“报告id#承诺id”，如 2022/某单位-述职报告#c-3-2-e3'),
    status: z.enum(followUpStatuses),
    /** What this report says about it; when absent, the passage at `section` is the evidence. */
    evidence: z.string().trim().min(1).optional(),
    /** Where in this report the follow-up is told: a section id ("1.2") or heading id ("s-1-2"). */
    section: z.string().trim().min(1).optional(),
  })
  .strict();

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** YAML parsers turn `2023-01-12` into a Date; keep dates as plain `YYYY-MM-DD` text so output is stable. */
const dateField = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(isoDate, '应为 YYYY-MM-DD 格式的日期，如 2023-01-12')
    .refine((text) => !Number.isNaN(Date.parse(text)), '不是有效日期'),
);

const yearField = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : value),
  z.number({ error: '应为四位整数年份，如 2022' }).int('应为四位整数年份，如 2022').min(1949, '年份应不早于 1949').max(2100, '年份应不晚于 2100'),
);

/** Tags may be written as a YAML list or as one string separated by commas or 、. */
const tagsField = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[,，、]/) : value),
  z
    .array(z.string().trim())
    .transform((tags) => [...new Set(tags.filter((tag) => tag.length > 0))]),
);

/** The frontmatter schema of a report; `kinds` comes from the site config so each archive sets its own. */
export function createReportSchema(kinds: readonly string[] = defaultKinds) {
  return z
    .object({
      title: z.string().trim().min(1, '标题不能为空'),
      year: yearField,
      unit: z.string().trim().min(1, '单位不能为空'),
      author: z.string().trim().min(1).optional(),
      kind: z.enum(kinds as [string, ...string[]]),
      date: dateField.optional(),
      tags: tagsField.default([]),
      confidentiality: z.enum(confidentialityLevels).default('internal'),
      summary: z.string().trim().optional(),
      /** Overrides the automatic role of a top-level section, keyed by section id ("2") or heading text. */
      sectionRoles: z.record(z.string(), z.enum(sectionRoles)).optional(),
      followUps: z.array(followUpSchema).default([]),
      /** Names and phrases of this report masked in public builds, on top of the site config's list. */
      redact: z.array(z.string().trim().min(1)).default([]),
    })
    .strict();
}

export type ReportFrontmatter = z.output<ReturnType<typeof createReportSchema>>;
