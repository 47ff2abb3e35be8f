// What a report says about itself in its first lines: the title block of a 政府工作报告
// ("政府工作报告 / ——2018年3月7日在海拉尔区第十五届人民代表大会第二次会议上 /
// 海拉尔区人民政府区长　　杨国宏"), the speaker, the salutation ("我代表国务院…"), and
// what the file name adds (national reports are often saved as "2019.txt").

import { matchNumbering, toHalfWidthDigits } from '../structure/outline.ts';

export interface ReportMetadata {
  /** The title as written in the text, when the report has a title line. */
  titleLine?: string;
  year?: number;
  yearFrom?: 'title' | 'opening' | 'date' | 'file' | 'text';
  unit?: string;
  /** The unit is only inferred from weak evidence; tell the user to check it. */
  unitGuessed?: boolean;
  author?: string;
  /** YYYY-MM-DD. */
  date?: string;
  kind?: string;
}

/** How many opening paragraphs can hold the title block. */
const HEAD = 6;
const SALUTATION = /^(?:各位代表|同志们|各位委员|尊敬的)/;
const DASHES = /^[-—–－─]{1,4}/;
const ROLES = '代?(?:副?总理|区长|市长|县长|省长|旗长|州长|盟长|主席|书记|局长|主任|部长|厅长|处长|科长|校长|院长|社长|理事长|董事长|总经理|经理)';
const SPEAKER = new RegExp(`^(.{0,30}?)(${ROLES})[\\s\\u3000]+(\\S(?:[\\s\\u3000]{0,2}\\S){1,4})$`);
const REPORT_WORDS = /报告|总结|述职|计划|要点|讲话|汇报/;
const YEAR_WORD = /(?<![0-9])((?:19|20)[0-9]{2})年/;

/** Half-width digits, and typeset spaces inside digit runs closed ("1 9 9 3 年3 月" → "1993年3月"). */
function normalizeDigits(text: string): string {
  return toHalfWidthDigits(text).replace(/([0-9])[ \u3000]+(?=[0-9年月日])/g, '$1');
}

/** "政 府 工 作 报 告" → "政府工作报告": spaces between CJK characters are only layout. */
function closeCjkSpaces(text: string): string {
  return text.replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '').trim();
}

function readDate(text: string): { year: number; date: string } | undefined {
  const m = /(?<![0-9])((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/.exec(normalizeDigits(text));
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** "——2018年3月7日在…会议上", "（2018年3月7日）", "1957年6月26日在…会議上". */
function isDateLine(text: string): boolean {
  if (!readDate(text) || [...text].length > 60) return false;
  return DASHES.test(text) || /^[（(]/.test(text) || /会议上|會議上|大会上|大會上/.test(text);
}

function isTitleLine(text: string, next: string[]): boolean {
  const compact = closeCjkSpaces(text);
  if ([...compact].length > 40 || /[。！？!?；;，,：:]/.test(compact)) return false;
  if (SALUTATION.test(compact) || DASHES.test(compact) || matchNumbering(compact) || SPEAKER.test(text.trim())) return false;
  return REPORT_WORDS.test(compact) || next.some((line) => isDateLine(line) || SPEAKER.test(line));
}

/** The organisation in a speaker's position: "海拉尔区人民政府区长" → 海拉尔区人民政府; national → 国务院. */
function unitFromPosition(position: string): string | undefined {
  const text = closeCjkSpaces(position).replace(/[\s\u3000]+/g, '');
  if (/国务院|國務院/.test(text)) return '国务院';
  return text.length >= 2 ? text : undefined;
}

function detectKind(titleLine: string | undefined, head: string, headings: readonly string[], unit: string | undefined): string | undefined {
  const named = ['政府工作报告', '述职报告', '工作总结', '工作计划', '调研报告', '专项报告'].find((kind) => titleLine?.includes(kind));
  if (named) return named;
  if (titleLine && /述职/.test(titleLine)) return '述职报告';
  if (titleLine && /总结/.test(titleLine)) return '工作总结';
  if (/政府工作报告|报告政府工作|人民代表大会|人民代表大會|全國人民代表/.test(head)) return '政府工作报告';
  if (/向大会.{0,60}报告/.test(head) || unit === '国务院' || unit?.endsWith('人民政府')) return '政府工作报告';
  if (/述职/.test(head) || headings.some((h) => /履职|述职/.test(h))) return '述职报告';
  if (/总结/.test(head)) return '工作总结';
  return undefined;
}

/**
 * Reads title, year, unit, author, date and kind from a report's paragraphs (trimmed, in
 * order) and its file name. Fields the text does not give are left out.
 */
export function detectReportMetadata(paragraphs: readonly string[], fileName: string, headings: readonly string[] = []): ReportMetadata {
  const head = paragraphs.slice(0, HEAD);
  const found: ReportMetadata = {};
  const titleLine = head[0] !== undefined && isTitleLine(head[0], head.slice(1, 4)) ? closeCjkSpaces(head[0]) : undefined;
  if (titleLine) found.titleLine = titleLine;

  const dateLine = head.find(isDateLine);
  const dated = dateLine ? readDate(dateLine) : undefined;
  if (dated) found.date = dated.date;

  const speaker = head.map((line) => SPEAKER.exec(line)).find((m) => m !== null);
  if (speaker) found.author = `${speaker[2]} ${speaker[3]!.replace(/[\s\u3000]+/g, '')}`;
  const opening = paragraphs.slice(0, HEAD + 4).join('\n');
  // Strongest first: the congress a local report was delivered to names the place the same
  // way every year ("在海拉尔区第十五届人民代表大会…"), where speakers' titles vary.
  const place = dateLine ? /在(.{2,12}?[区县市旗州盟省])第.{1,4}届人民代表大会/.exec(dateLine)?.[1] : undefined;
  const represented = /我代表(.{2,24}?)[，,]?(?:向|作|就)/.exec(opening)?.[1] ?? /受(.{0,16}?(?:国务院|人民政府))的?委托/.exec(opening)?.[1];
  const national = /全国人民代表大会|全國人民代表大會/.test(dateLine ?? opening);
  const unit = (place ? `${place}人民政府` : undefined)
    ?? (speaker?.[1] ? unitFromPosition(speaker[1]) : undefined)
    ?? (represented ? unitFromPosition(represented) : undefined)
    ?? (national ? '国务院' : undefined);
  if (unit) found.unit = unit;
  // Weak evidence, reported as a guess: a speech to 各位代表 that speaks of what 国务院 decided (1985).
  else if (SALUTATION.test(paragraphs[0] ?? '') && /国务院/.test(paragraphs.slice(0, 60).join(''))) {
    found.unit = '国务院';
    found.unitGuessed = true;
  }

  const kind = detectKind(titleLine, opening, headings, found.unit);
  if (kind) found.kind = kind;

  const titleYear = titleLine ? YEAR_WORD.exec(normalizeDigits(titleLine))?.[1] : undefined;
  const fileYear = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/.exec(fileName.replace(/^.*[/\\]/, ''))?.[1];
  const textYear = paragraphs.map((line) => YEAR_WORD.exec(normalizeDigits(line))?.[1]).find((y) => y !== undefined);
  // "2021年，在市委的坚强领导下…": a 述职报告 or 工作总结 names the year it covers first; it is
  // delivered the year after, so its date line would be a year late. 政府工作报告 are the other way round.
  const openingYear = kind === '政府工作报告' ? undefined
    : paragraphs.slice(0, HEAD).map((line) => /^((?:19|20)[0-9]{2})年度?[，,]/.exec(normalizeDigits(line))?.[1]).find((y) => y !== undefined);
  const year = titleYear ? { year: Number(titleYear), from: 'title' as const }
    : openingYear ? { year: Number(openingYear), from: 'opening' as const }
    : dated ? { year: dated.year, from: 'date' as const }
    : fileYear ? { year: Number(fileYear), from: 'file' as const }
    : textYear ? { year: Number(textYear), from: 'text' as const } : undefined;
  if (year) {
    found.year = year.year;
    found.yearFrom = year.from;
  }
  return found;
}

/**
 * The frontmatter title: a specific title line as written; a bare kind of report
 * ("政府工作报告") or none gets year and place, as archives name them:
 * "2018年海拉尔区政府工作报告", "2024年政府工作报告" (national: no place).
 */
export function composeTitle(titleLine: string | undefined, year: number, kind: string, place = ''): string {
  if (titleLine && (YEAR_WORD.test(normalizeDigits(titleLine)) || [...titleLine].length > 8)) return titleLine;
  return `${year}年${place}${titleLine ?? kind}`;
}
