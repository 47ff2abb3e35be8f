// What each top-level part of a report is for: looking back (review), owning up
// (problems), or promising (plans). Commitments are only read from plans sections.

import { matchNumbering, type Outline, type OutlineSection } from './outline.ts';

export type SectionRole = 'review' | 'problems' | 'plans' | 'other';

export interface RoleKeywords {
  review: string[];
  problems: string[];
  plans: string[];
}

export const defaultRoleKeywords: RoleKeywords = {
  review: [
    '履职情况', '工作回顾', '回顾', '主要工作', '工作成效', '完成情况', '执行情况', '工作情况', '主要成绩',
    '主要成效', '取得的成绩', '工作总结', '述职', '过去一年', '过去五年', '一年来', '五年来', '三年来',
    '成就', '的胜利', '取得', '决算',
  ],
  problems: [
    '主要问题', '存在问题', '存在的问题', '问题和不足', '问题与不足', '困难和问题', '不足', '差距', '短板',
    '薄弱环节', '教训',
  ],
  plans: [
    '下步打算', '下一步', '打算', '工作计划', '任务', '重点工作', '安排', '工作思路', '工作重点', '总体要求',
    '总体部署', '主要目标', '奋斗目标', '预期目标', '政策取向', '建议', '努力方向', '今后', '计划概要',
    '国家预算', '的工作',
  ],
};

const roleNames: readonly string[] = ['review', 'problems', 'plans', 'other'];

/** `sectionRoles` from a report's frontmatter, keeping only valid roles. */
export function parseRoleOverrides(value: unknown): Record<string, SectionRole> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const valid = Object.entries(value).filter((entry): entry is [string, SectionRole] => roleNames.includes(String(entry[1])));
  return valid.length > 0 ? Object.fromEntries(valid) : undefined;
}

/** The built-in keywords plus an archive's own (from its site config); its own are tried first. */
export function mergeRoleKeywords(extra: Partial<RoleKeywords>): RoleKeywords {
  return {
    review: [...(extra.review ?? []), ...defaultRoleKeywords.review],
    problems: [...(extra.problems ?? []), ...defaultRoleKeywords.problems],
    plans: [...(extra.plans ?? []), ...defaultRoleKeywords.plans],
  };
}

// Verbs that open a directive ("加强政府自身建设", "继续扩大内需"). A part titled like this is
// a task when it comes after the review or the plans part (海拉尔 2019 三、加强政府自身建设
// is what the government will do), but an achievement when a 述职报告 lists it before any
// review and before its 下一步打算 ("一、坚持政治引领，筑牢思想根基").
const DIRECTIVE_START = new RegExp(
  '^(?:加强|加快|推进|推动|深化|坚持|继续|大力|积极|努力|全面|切实|着力|进一步|保持|促进|实施|落实|提高|扩大|' +
    '抓好|做好|搞好|打好|巩固|完善|健全|确保|争取|贯彻|认真|不断|千方百计|依靠|繁荣|从严|增强|增加|统筹|维护|' +
    '坚定|稳步|更好|发展|改革|协调|持续|充分|厉行|采取|保证|正确|妥善|强化|筑牢|提升|聚焦|狠抓|严格|注重|突出|优化|' +
    '围绕|着眼|牢记|紧扣|深入|扎实|全力|主动|压实|夯实|守牢|抓实|做实|激发|培育|构建|打造|建立|推行|规范|防范|保障|改善|' +
    '把|以|为|在)',
);

/** The part of a title that says what it is about: no numbering, no year ("一、2018年工作回顾" → "工作回顾"). */
export function stripTitleNoise(title: string): string {
  const rest = matchNumbering(title)?.rest ?? title.trim();
  return rest.replace(/[0-9０-９](?:[\s\u3000]*[0-9０-９]){3}[\s\u3000]*年度?/g, '').trim();
}

/**
 * Role of a heading by its keywords. When a title names two roles, the one named first
 * wins ("1998年工作回顾和1999年工作的总体要求" → review), except that problems together
 * with plans ("存在的问题和下步打算") gives plans, so the promises are not lost.
 */
export function classifySectionRole(title: string, keywords: RoleKeywords = defaultRoleKeywords): SectionRole {
  const text = stripTitleNoise(title);
  const firstIndex = (words: string[]) =>
    Math.min(...words.map((w) => text.indexOf(w)).filter((i) => i >= 0), Infinity);
  const found = (['review', 'problems', 'plans'] as const)
    .map((role) => ({ role, at: firstIndex(keywords[role]) }))
    .filter((r) => r.at !== Infinity)
    .sort((a, b) => a.at - b.at);
  if (found.length === 0) return 'other';
  if (found.some((r) => r.role === 'plans') && found.some((r) => r.role === 'problems')) return 'plans';
  return found[0]!.role;
}

function isDirective(title: string): boolean {
  return stripTitleNoise(title).split(/[，,]/).some((clause) => DIRECTIVE_START.test(clause.trim()));
}

function isMixed(title: string, keywords: RoleKeywords): boolean {
  const text = stripTitleNoise(title);
  return (['review', 'problems', 'plans'] as const).filter((r) => keywords[r].some((w) => text.includes(w))).length > 1;
}

export interface AssignRolesOptions {
  keywords?: RoleKeywords;
  /** Per-report corrections (frontmatter `sectionRoles`), keyed by section id ("2") or heading text. */
  overrides?: Record<string, SectionRole>;
}

/**
 * Role of every section, keyed by section id. Top-level roles come from keywords, then
 * from position for directive titles (see DIRECTIVE_START); children inherit their
 * parent's role, except under a title that names two roles ("存在问题和下步打算"),
 * where a child whose own title names a role keeps it.
 */
export function assignSectionRoles(outline: Outline, options: AssignRolesOptions = {}): Record<string, SectionRole> {
  const keywords = options.keywords ?? defaultRoleKeywords;
  const overrides = options.overrides ?? {};
  const override = (s: OutlineSection): SectionRole | undefined =>
    overrides[s.id] ?? overrides[s.title] ?? overrides[stripTitleNoise(s.title)] ?? overrides[matchNumbering(s.title)?.rest ?? ''];

  const top = outline.sections.map((s) => classifySectionRole(s.title, keywords));
  const firstPlans = top.indexOf('plans');
  const firstReview = top.indexOf('review');
  const topRoles = top.map((role, i): SectionRole => {
    const title = outline.sections[i]!.title;
    // "“十三五”时期发展成就和“十四五”时期主要目标任务" after a review part looks forward (2021).
    if (role === 'review' && firstReview < i && isMixed(title, keywords)) return 'plans';
    if (role !== 'other' || !isDirective(title)) return role;
    // After the review or the plans, a directive is a task; before both, a 述职报告's achievement.
    if (i > firstPlans && firstPlans >= 0) return 'plans';
    if (i > firstReview && firstReview >= 0) return 'plans';
    return firstPlans >= 0 ? 'review' : 'plans';
  });

  const roles: Record<string, SectionRole> = {};
  const visit = (section: OutlineSection, inherited: SectionRole, parentMixed: boolean) => {
    let role = inherited;
    if (parentMixed) {
      const own = classifySectionRole(section.title, keywords);
      if (own !== 'other') role = own;
    }
    role = override(section) ?? role;
    roles[section.id] = role;
    const mixed = isMixed(section.title, keywords);
    for (const child of section.children) visit(child, role, mixed);
  };
  outline.sections.forEach((section, i) => visit(section, topRoles[i]!, false));
  return roles;
}
