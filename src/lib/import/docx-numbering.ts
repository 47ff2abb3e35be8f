// Word's automatic list numbering in a .docx: the numbers ("一、", "（二）", "3.") live in
// word/numbering.xml, not in the text, so a reader that only takes the text (mammoth, see
// mammoth.js#92) loses the outline of most Chinese office documents. This reads the list
// definitions (abstractNum, num, lvlOverride, numStyleLink); list-numbering.ts counts.

import { createListCounter, type LevelDef, type NumberingProps, type NumDef } from './list-numbering.ts';
import { childElements, childValue, firstChild, type XmlElement } from './xml-tree.ts';

export { formatListNumber, type NumberingProps } from './list-numbering.ts';

function readLevel(lvl: XmlElement): LevelDef {
  const restart = childValue(lvl, 'w:lvlRestart');
  const legal = firstChild(lvl, 'w:isLgl');
  return {
    start: Number(childValue(lvl, 'w:start') ?? 0) || 0,
    format: childValue(lvl, 'w:numFmt') ?? 'decimal',
    text: childValue(lvl, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: legal !== undefined && !['0', 'false'].includes(legal.attrs['w:val'] ?? ''),
    suffix: childValue(lvl, 'w:suff') ?? 'tab',
    style: childValue(lvl, 'w:pStyle'),
  };
}

function readLevels(parent: XmlElement | undefined): Map<number, LevelDef> {
  return new Map(childElements(parent, 'w:lvl').map((lvl) => [Number(lvl.attrs['w:ilvl'] ?? 0), readLevel(lvl)]));
}

/** The lists of a .docx and the counters Word would keep while reading it top to bottom. */
export function createNumbering(numberingXml: XmlElement | undefined, styleNumbering: (styleId: string) => NumberingProps | undefined) {
  const root = firstChild(numberingXml, 'w:numbering');
  const abstracts = new Map(childElements(root, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'] ?? '', a]));
  const numElements = new Map(childElements(root, 'w:num').map((n) => [n.attrs['w:numId'] ?? '', n]));
  const nums = new Map<string, NumDef>();
  const resolveAbstract = (abstractId: string, seen: Set<string>): string => {
    // A list defined by a numbering style: abstractNum → numStyleLink → style's numId → its abstractNum.
    const link = childValue(abstracts.get(abstractId), 'w:numStyleLink');
    const linkedNum = link ? styleNumbering(link)?.numId : undefined;
    const linked = linkedNum ? firstChild(numElements.get(linkedNum), 'w:abstractNumId')?.attrs['w:val'] : undefined;
    if (!linked || seen.has(linked)) return abstractId;
    return resolveAbstract(linked, seen.add(linked));
  };
  for (const [numId, num] of numElements) {
    const abstractId = resolveAbstract(childValue(num, 'w:abstractNumId') ?? '', new Set());
    const levels = readLevels(abstracts.get(abstractId));
    const startOverrides = new Map<number, number>();
    for (const override of childElements(num, 'w:lvlOverride')) {
      const ilvl = Number(override.attrs['w:ilvl'] ?? 0);
      const start = childValue(override, 'w:startOverride');
      if (start !== undefined) startOverrides.set(ilvl, Number(start));
      const lvl = firstChild(override, 'w:lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
    }
    nums.set(numId, { abstractId, levels, startOverrides });
  }

  return createListCounter(nums);
}
