// Which list each paragraph of a .doc belongs to: the paragraph's properties (PAPX, in the
// formatting pages of the WordDocument stream, [MS-DOC] 2.9.175 PapxFkp) or its style's
// (STSH, 2.9.271) may carry sprmPIlfo (the list, 1-based into the LFO table) and sprmPIlvl
// (the level). Other properties are not read.

import { FIB, fibPair, fcOfCp, type Piece } from './doc-pieces.ts';

export interface ListProps {
  ilfo?: number | undefined;
  ilvl?: number | undefined;
}

const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;
const STYLE_NONE = 0x0fff;

/** Operand size of a sprm by its spra bits; 0 = variable (a length byte follows). */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, 0, 3];

/** The list properties a grpprl (a run of sprms) sets. */
export function readListSprms(view: DataView, start: number, end: number): ListProps {
  const props: ListProps = {};
  let pos = start;
  while (pos + 2 <= end) {
    const sprm = view.getUint16(pos, true);
    pos += 2;
    let size = OPERAND_SIZE[sprm >> 13]!;
    // sprmTDefTable and sprmPChgTabs carry a 2-byte or special length; neither is a list sprm.
    if (size === 0) size = sprm === 0xd608 ? view.getUint16(pos, true) + 1 : view.getUint8(pos) + 1;
    if (pos + size > end) break;
    if (sprm === SPRM_P_ILVL) props.ilvl = view.getUint8(pos);
    else if (sprm === SPRM_P_ILFO) props.ilfo = view.getInt16(pos, true);
    pos += size;
  }
  return props;
}

interface PapxRun {
  fcStart: number;
  fcEnd: number;
  istd: number;
  props: ListProps;
}

/** Every paragraph formatting run of the document: the FC range it covers, its style and list. */
export function readPapxRuns(wordDocument: DataView, table: DataView): PapxRun[] {
  const { fc, lcb } = fibPair(wordDocument, FIB.plcfBtePapx);
  const count = (lcb - 4) / 8;
  const runs: PapxRun[] = [];
  for (let i = 0; i < count; i++) {
    const page = (table.getUint32(fc + (count + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
    if (page + 512 > wordDocument.byteLength) continue;
    const crun = wordDocument.getUint8(page + 511);
    for (let j = 0; j < crun; j++) {
      const offset = wordDocument.getUint8(page + (crun + 1) * 4 + j * 13) * 2;
      if (offset === 0) continue;
      let cb = wordDocument.getUint8(page + offset);
      let start = page + offset + 1;
      if (cb === 0) {
        cb = wordDocument.getUint8(start) * 2;
        start += 1;
      } else cb = cb * 2 - 1;
      runs.push({
        fcStart: wordDocument.getUint32(page + j * 4, true),
        fcEnd: wordDocument.getUint32(page + (j + 1) * 4, true),
        istd: wordDocument.getUint16(start, true),
        props: readListSprms(wordDocument, start + 2, Math.min(start + cb, page + 511)),
      });
    }
  }
  return runs;
}

/** The list properties of each style, those of its base styles filling what it leaves unset. */
export function readStyleListProps(wordDocument: DataView, table: DataView): (istd: number) => ListProps {
  const { fc, lcb } = fibPair(wordDocument, FIB.stshf);
  const own = new Map<number, { base: number; props: ListProps }>();
  if (lcb >= 4) {
    const cbStshi = table.getUint16(fc, true);
    const cstd = table.getUint16(fc + 2, true);
    const cbStdBase = table.getUint16(fc + 4, true);
    let pos = fc + 2 + cbStshi;
    for (let istd = 0; istd < cstd && pos + 2 <= fc + lcb; istd++) {
      const cbStd = table.getUint16(pos, true);
      const std = pos + 2;
      pos = std + cbStd;
      if (cbStd === 0) continue;
      const stk = table.getUint16(std + 2, true) & 0x000f;
      const base = table.getUint16(std + 2, true) >> 4;
      if (stk !== 1) continue; // only paragraph styles carry paragraph properties
      const nameLength = table.getUint16(std + cbStdBase, true);
      const upx = std + cbStdBase + 2 + nameLength * 2 + 2;
      if (upx + 4 > pos) continue;
      const cbUpx = table.getUint16(upx, true);
      own.set(istd, { base, props: readListSprms(table, upx + 4, Math.min(upx + 2 + cbUpx, pos)) });
    }
  }
  return (istd) => {
    const props: ListProps = {};
    const seen = new Set<number>();
    for (let id = istd; id !== STYLE_NONE && own.has(id) && !seen.has(id); id = own.get(id)!.base) {
      seen.add(id);
      props.ilfo ??= own.get(id)!.props.ilfo;
      props.ilvl ??= own.get(id)!.props.ilvl;
    }
    return props;
  };
}

/** The formatting run that holds the paragraph mark at a CP (the run's range ends just after the mark). */
export function papxOfMark(runs: readonly PapxRun[], pieces: readonly Piece[], cp: number): PapxRun | undefined {
  const position = fcOfCp(pieces, cp);
  return position ? runs.find((run) => position.fc >= run.fcStart && position.fc < run.fcEnd) : undefined;
}
