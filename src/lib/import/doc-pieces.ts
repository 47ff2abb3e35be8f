// The text of a Word 97–2003 document as its piece table lays it out ([MS-DOC] 2.8.35 PlcPcd):
// character positions (CPs) of the main document mapped to the file positions (FCs) where each
// character is stored, 16-bit or, in "compressed" pieces, 8-bit (Windows-1252).

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** File position of the piece's first character in the WordDocument stream. */
  fc: number;
  /** 1 for a compressed (8-bit) piece, 2 for UTF-16. */
  bytesPerChar: 1 | 2;
}

/** An fc/lcb pair of the FIB's FibRgFcLcb97 by its index (0 = fcStshfOrig … 73 = fcPlfLst). */
export function fibPair(wordDocument: DataView, index: number): { fc: number; lcb: number } {
  const offset = 0x9a + index * 8;
  return { fc: wordDocument.getUint32(offset, true), lcb: wordDocument.getUint32(offset + 4, true) };
}

export const FIB = { stshf: 1, plcfBtePapx: 13, clx: 33, plfLst: 73, plfLfo: 74 } as const;
/** ccpText: how many characters the main document has (FibRgLw97). */
export const mainTextLength = (wordDocument: DataView) => wordDocument.getUint32(0x4c, true);

/** The pieces of the CLX in the table stream: Prc entries (0x01) skipped, then the PlcPcd (0x02). */
export function readPieces(wordDocument: DataView, table: DataView): Piece[] {
  const { fc, lcb } = fibPair(wordDocument, FIB.clx);
  let pos = fc;
  const end = fc + lcb;
  while (pos < end && table.getUint8(pos) === 0x01) pos += 3 + table.getUint16(pos + 1, true);
  if (pos >= end || table.getUint8(pos) !== 0x02) return [];
  const size = table.getUint32(pos + 1, true);
  const plc = pos + 5;
  const count = (size - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const raw = table.getUint32(plc + (count + 1) * 4 + i * 8 + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({
      cpStart: table.getUint32(plc + i * 4, true),
      cpEnd: table.getUint32(plc + (i + 1) * 4, true),
      fc: compressed ? (raw & ~0x40000000) / 2 : raw,
      bytesPerChar: compressed ? 1 : 2,
    });
  }
  return pieces;
}

/** The file position of a character, or undefined outside every piece. */
export function fcOfCp(pieces: readonly Piece[], cp: number): { fc: number; bytesPerChar: 1 | 2 } | undefined {
  const piece = pieces.find((p) => cp >= p.cpStart && cp < p.cpEnd);
  return piece ? { fc: piece.fc + (cp - piece.cpStart) * piece.bytesPerChar, bytesPerChar: piece.bytesPerChar } : undefined;
}

const CP1252 = new TextDecoder('windows-1252');
const UTF16 = new TextDecoder('utf-16le');

/** The characters from cpStart up to cpEnd, control characters (marks, fields) included. */
export function readCharacters(pieces: readonly Piece[], wordDocument: Uint8Array, cpStart: number, cpEnd: number): string {
  let text = '';
  for (const piece of pieces) {
    const from = Math.max(cpStart, piece.cpStart);
    const to = Math.min(cpEnd, piece.cpEnd);
    if (from >= to) continue;
    const start = piece.fc + (from - piece.cpStart) * piece.bytesPerChar;
    const bytes = wordDocument.subarray(start, start + (to - from) * piece.bytesPerChar);
    text += (piece.bytesPerChar === 2 ? UTF16 : CP1252).decode(bytes);
  }
  return text;
}
