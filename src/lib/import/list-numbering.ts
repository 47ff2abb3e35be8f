// Word's automatic list numbering, counted as Word counts it while reading a document top to
// bottom: counters per abstract list, `start` and start overrides, lower levels restarting when
// a higher one is used (or as the level's restart setting says), `%1…%9` in the level text,
// legal numbering. Shared by the .docx reader (numbering.xml) and the .doc reader (LST/LFO).

export interface LevelDef {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this one restarts; 0 = never; undefined = after the level above. */
  restart: number | undefined;
  legal: boolean;
  suffix: string;
  style: string | undefined;
}

export interface NumDef {
  abstractId: string;
  levels: Map<number, LevelDef>;
  startOverrides: Map<number, number>;
}

export interface NumberingProps {
  numId?: string | undefined;
  ilvl?: number | undefined;
}

const CN_DIGITS = '零一二三四五六七八九';
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CN_UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 10 000, as Word's chineseCounting). */
function toChineseCounting(value: number, digits = CN_DIGITS, units = CN_UNITS): string {
  if (value <= 0 || value >= 10000) return String(value);
  const parts = String(value).split('').map(Number);
  let out = '';
  parts.forEach((digit, i) => {
    const unit = units[parts.length - 1 - i]!;
    if (digit === 0) {
      if (!out.endsWith(digits[0]!) && parts.slice(i).some((d) => d > 0)) out += digits[0];
    } else out += digits[digit]! + unit;
  });
  // 十一, not 一十一
  return value >= 10 && value < 20 && digits === CN_DIGITS ? out.slice(1) : out;
}

function toLetters(value: number, upper: boolean): string {
  const letter = String.fromCharCode((upper ? 65 : 97) + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function toRoman(value: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [n, s] of table) while (rest >= n) { out += s; rest -= n; }
  return out;
}

function enclosed(value: number, first: number, count: number): string {
  return value >= 1 && value <= count ? String.fromCodePoint(first + value - 1) : String(value);
}

/** One counter value written in a `w:numFmt`; unknown formats fall back to decimal. */
export function formatListNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': case 'japaneseCounting': case 'koreanCounting':
      return value === 0 ? '〇' : toChineseCounting(value);
    case 'chineseLegalSimplified': case 'ideographLegalTraditional':
      return toChineseCounting(value, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return String(value).split('').map((d) => IDEOGRAPH_DIGITS[Number(d)]).join('');
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[(value - 1) % 10] ?? String(value);
    case 'ideographZodiac': return '子丑寅卯辰巳午未申酉戌亥'[(value - 1) % 12] ?? String(value);
    case 'decimalZero': return value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return enclosed(value, 0x2460, 20);
    case 'decimalEnclosedParen': return enclosed(value, 0x2474, 20);
    case 'decimalEnclosedFullstop': return enclosed(value, 0x2488, 20);
    case 'upperRoman': return toRoman(value);
    case 'lowerRoman': return toRoman(value).toLowerCase();
    case 'upperLetter': return toLetters(value, true);
    case 'lowerLetter': return toLetters(value, false);
    case 'none': case 'bullet': return '';
    default: return String(value);
  }
}

/** The lists of a document (by numId / ilfo) and the counters Word keeps while reading it. */
export function createListCounter(nums: ReadonlyMap<string, NumDef>) {
  const counters = new Map<string, (number | undefined)[]>();
  const usedNums = new Set<string>();

  /** The number a paragraph shows ("（二）", "3. "), advancing the counters; '' when it has none. */
  function next(props: NumberingProps, styleId: string | undefined): string {
    const num = props.numId === undefined ? undefined : nums.get(props.numId);
    if (!num) return '';
    const ilvl = props.ilvl ?? [...num.levels].find(([, def]) => def.style === styleId)?.[0] ?? 0;
    const def = num.levels.get(ilvl);
    if (!def) return '';
    const values = counters.get(num.abstractId) ?? [];
    counters.set(num.abstractId, values);
    if (!usedNums.has(props.numId!)) {
      usedNums.add(props.numId!);
      for (const [level, start] of num.startOverrides) values[level] = start - 1;
    }
    values[ilvl] = values[ilvl] === undefined ? def.start : values[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = num.levels.get(deeper)?.restart ?? deeper;
      if (restart !== 0 && ilvl <= restart - 1) values[deeper] = undefined;
    }
    if (def.format === 'bullet') return '';
    const label = def.text.replace(/%([1-9])/g, (_, n: string) => {
      const level = Number(n) - 1;
      const levelDef = num.levels.get(level);
      // A level never used so far shows start − 1, as Word does ("1.0.1" under a skipped level).
      const value = values[level] ?? (levelDef?.start ?? 1) - 1;
      return formatListNumber(value, def.legal && level !== ilvl ? 'decimal' : levelDef?.format ?? 'decimal');
    });
    if (label === '' || def.suffix === 'nothing') return label;
    // The tab or space after "一、", "（一）" or "①" only aligns the text; after "1." or "a)" it separates words.
    return /[\x21-\x7e]$/.test(label) ? `${label} ` : label;
  }

  return { next };
}
