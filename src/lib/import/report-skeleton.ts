import { stringify } from 'yaml';

export interface SkeletonInput {
  unit: string;
  year: number;
  kind: string;
  title?: string | undefined;
  date?: string | undefined;
}

/** The usual top-level sections of each kind, as Chinese offices write them. */
const sectionsByKind: Record<string, (year: number) => string[]> = {
  述职报告: (year) => ['一、履职情况', '二、存在的主要问题', `三、${year + 1}年工作打算`],
  工作总结: (year) => [`一、${year}年工作完成情况`, '二、存在的问题和不足', `三、${year + 1}年工作思路`],
  政府工作报告: (year) => [`一、${year - 1}年工作回顾`, `二、${year}年工作安排`, '三、加强政府自身建设'],
  工作计划: (year) => [`一、${year - 1}年工作回顾`, '二、指导思想和目标任务', '三、主要工作措施', '四、保障措施'],
};
const fallbackSections = (year: number) => ['一、基本情况', '二、主要问题', `三、${year + 1}年工作打算`];

export function defaultTitle({ unit, year, kind }: SkeletonInput): string {
  return `${unit}${year}年${kind}`;
}

/** A new report: valid frontmatter plus the section headings of its kind, with hints where text goes. */
export function createReportSkeleton(input: SkeletonInput): string {
  const frontmatter = {
    title: input.title ?? defaultTitle(input),
    year: input.year,
    unit: input.unit,
    kind: input.kind,
    ...(input.date ? { date: input.date } : {}),
    tags: [],
    confidentiality: 'internal',
    summary: '',
  };
  const sections = (sectionsByKind[input.kind] ?? fallbackSections)(input.year);
  const body = sections
    .map((heading) => `## ${heading}\n\n### （一）（小标题）\n\n（正文。承诺可写作“一是……二是……三是……”。）`)
    .join('\n\n');
  return `---\n${stringify(frontmatter).trimEnd()}\n---\n\n（导语：概述本年度工作。）\n\n${body}\n`;
}

/** Where a new report goes below the reports folder: `<year>/<unit>-<kind>.mdx`. */
export function skeletonPath({ unit, year, kind }: SkeletonInput): string {
  const safe = (name: string) => name.trim().replace(/[\s/\\:*?"<>|]+/g, '-');
  return `${year}/${safe(unit)}-${safe(kind)}.mdx`;
}
