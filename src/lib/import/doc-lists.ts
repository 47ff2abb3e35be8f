// The list definitions of a .doc ([MS-DOC] 2.9.147 PlfLst, 2.9.150 LVL, 2.9.130 PlfLfo): each
// list (LSTF, by lsid) has nine levels or one; each list reference (LFO, what a paragraph's
// ilfo points at) names a list and may restart or redefine levels. Read into the same shape
// as a .docx's abstractNum/num, so list-numbering.ts counts both alike.

import { FIB, fibPair } from './doc-pieces.ts';
import type { LevelDef, NumDef } from './list-numbering.ts';

/** Number formats by nfc: the order of ST_NumberFormat, which the binary format shares. */
const NFC = [
  'decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'ordinal', 'cardinalText', 'ordinalText', 'hex',
  'chicago', 'ideographDigital', 'japaneseCounting', 'aiueo', 'iroha', 'decimalFullWidth', 'decimalHalfWidth',
  'japaneseLegal', 'japaneseDigitalTenThousand', 'decimalEnclosedCircle', 'decimalFullWidth2', 'aiueoFullWidth',
  'irohaFullWidth', 'decimalZero', 'bullet', 'ganada', 'chosung', 'decimalEnclosedFullstop', 'decimalEnclosedParen',
  'decimalEnclosedCircleChinese', 'ideographEnclosedCircle', 'ideographTraditional', 'ideographZodiac',
  'ideographZodiacTraditional', 'taiwaneseCounting', 'ideographLegalTraditional', 'taiwaneseCountingThousand',
  'taiwaneseDigital', 'chineseCounting', 'chineseLegalSimplified', 'chineseCountingThousand',
];
const SUFFIX = ['tab', 'space', 'nothing'];
const LVLF_SIZE = 28;

/** One LVL at `pos`: its definition and where the next one starts. */
function readLevel(table: DataView, pos: number): { level: LevelDef; next: number } {
  const flags = table.getUint8(pos + 5);
  const cbGrpprlChpx = table.getUint8(pos + 24);
  const cbGrpprlPapx = table.getUint8(pos + 25);
  const xst = pos + LVLF_SIZE + cbGrpprlPapx + cbGrpprlChpx;
  const length = table.getUint16(xst, true);
  let text = '';
  for (let i = 0; i < length; i++) {
    const code = table.getUint16(xst + 2 + i * 2, true);
    // Characters 0–8 stand for the numbers of levels 1–9: Word's "%1"…"%9".
    text += code <= 8 ? `%${code + 1}` : String.fromCharCode(code);
  }
  const noRestart = (flags & 0x08) !== 0;
  const nfc = table.getUint8(pos + 4);
  const level: LevelDef = {
    start: table.getInt32(pos, true),
    format: nfc === 0xff ? 'none' : NFC[nfc] ?? 'decimal',
    text,
    restart: noRestart ? table.getUint8(pos + 26) : undefined,
    legal: (flags & 0x04) !== 0,
    suffix: SUFFIX[table.getUint8(pos + 15)] ?? 'tab',
    style: undefined,
  };
  return { level, next: xst + 2 + length * 2 };
}

/** The lists of a .doc by ilfo (as a string, "1" for the first LFO), empty when it has none. */
export function readDocLists(wordDocument: DataView, table: DataView): Map<string, NumDef> {
  const nums = new Map<string, NumDef>();
  const lst = fibPair(wordDocument, FIB.plfLst);
  const lfo = fibPair(wordDocument, FIB.plfLfo);
  if (lst.lcb < 2 || lfo.lcb < 4) return nums;

  const lists = new Map<number, Map<number, LevelDef>>();
  const count = table.getInt16(lst.fc, true);
  let pos = lst.fc + lst.lcb; // the LVLs follow the PlfLst, list by list
  for (let i = 0; i < count; i++) {
    const lstf = lst.fc + 2 + i * 28;
    const simple = (table.getUint8(lstf + 26) & 0x01) !== 0;
    const levels = new Map<number, LevelDef>();
    for (let ilvl = 0; ilvl < (simple ? 1 : 9); ilvl++) {
      const { level, next } = readLevel(table, pos);
      levels.set(ilvl, level);
      pos = next;
    }
    lists.set(table.getInt32(lstf, true), levels);
  }

  const lfoCount = table.getInt32(lfo.fc, true);
  let data = lfo.fc + 4 + lfoCount * 16; // LFOData, one per LFO, after the LFOs
  for (let i = 0; i < lfoCount; i++) {
    const entry = lfo.fc + 4 + i * 16;
    const lsid = table.getInt32(entry, true);
    const overrides = table.getUint8(entry + 12);
    const levels = new Map(lists.get(lsid) ?? []);
    const startOverrides = new Map<number, number>();
    data += 4; // cp
    for (let k = 0; k < overrides; k++) {
      const start = table.getInt32(data, true);
      const bits = table.getUint32(data + 4, true);
      data += 8;
      const ilvl = bits & 0x0f;
      if (bits & 0x20) {
        const { level, next } = readLevel(table, data);
        levels.set(ilvl, level);
        data = next;
      }
      if (bits & 0x10) startOverrides.set(ilvl, start);
    }
    nums.set(String(i + 1), { abstractId: String(lsid), levels, startOverrides });
  }
  return nums;
}
