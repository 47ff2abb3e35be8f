// The paragraphs of a Word document, in order, as the reader sees them: with the automatic
// list numbers ("一、", "（一）", "1.") written back in front of the text (see docx-numbering.ts).
// Pure: takes the bytes of the .docx, reads the zip with jszip (mammoth's own unzip library).

import JSZip from 'jszip';
import { ImportError } from './decode-text.ts';
import { createNumbering, type NumberingProps } from './docx-numbering.ts';
import { childElements, childValue, firstChild, parseXmlTree, type XmlElement } from './xml-tree.ts';

// Content that Word does not show: deletions, the VML copy of text boxes kept for old readers,
// formatting, field codes (their displayed result is ordinary runs), references to notes.
const HIDDEN = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'mc:Fallback', 'w:instrText', 'w:delText', 'w:sdtPr']);
const CHARACTERS: Record<string, string> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:br': '\n', 'w:cr': '\n', 'w:noBreakHyphen': '-' };

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError('不是有效的 .docx 文件（无法解压）；如果是旧版 .doc 或设置了打开密码，请在 Word/WPS 中另存为 .docx');
  }
}

async function readPart(zip: JSZip, name: string): Promise<XmlElement | undefined> {
  const file = zip.file(name);
  return file ? parseXmlTree(await file.async('string')) : undefined;
}

/** Targets of a part's relationships by type suffix ("officeDocument", "numbering", "styles"). */
function relationshipTarget(rels: XmlElement | undefined, type: string, baseDir: string): string | undefined {
  const relationships = childElements(firstChild(rels, 'Relationships'), 'Relationship');
  const target = relationships.find((r) => r.attrs['Type']?.endsWith(`/${type}`))?.attrs['Target'];
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`;
}

function readNumPr(pPr: XmlElement | undefined): NumberingProps | undefined {
  const numPr = firstChild(pPr, 'w:numPr');
  if (!numPr) return undefined;
  const ilvl = childValue(numPr, 'w:ilvl');
  return { numId: childValue(numPr, 'w:numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) };
}

/** Numbering given by a style or the styles it is based on (Word's "Heading 1" → 一、). */
function readStyleNumbering(styles: XmlElement | undefined) {
  const byId = new Map(childElements(firstChild(styles, 'w:styles'), 'w:style').map((s) => [s.attrs['w:styleId'] ?? '', s]));
  const defaultParagraphStyle = [...byId.values()].find((s) => s.attrs['w:type'] === 'paragraph' && ['1', 'true'].includes(s.attrs['w:default'] ?? ''));
  const numberingOf = (styleId: string): NumberingProps | undefined => {
    const props: NumberingProps = {};
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id && !seen.has(id); id = childValue(byId.get(id), 'w:basedOn')) {
      seen.add(id);
      const own = readNumPr(firstChild(byId.get(id), 'w:pPr'));
      props.numId ??= own?.numId;
      props.ilvl ??= own?.ilvl;
    }
    return props.numId === undefined ? undefined : props;
  };
  return { numberingOf, defaultStyleId: defaultParagraphStyle?.attrs['w:styleId'] };
}

/**
 * Paragraph texts of a .docx in document order (table cells and text boxes included), each
 * numbered paragraph prefixed with its number as Word shows it. Line breaks inside a
 * paragraph stay as "\n"; paragraphs with no text and no number are left out.
 */
export async function readDocxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await openZip(bytes);
  const mainPath = relationshipTarget(await readPart(zip, '_rels/.rels'), 'officeDocument', '') ?? 'word/document.xml';
  const document = await readPart(zip, mainPath);
  if (!document) throw new ImportError(`不是 Word 文档：压缩包中没有 ${mainPath}`);
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const rels = await readPart(zip, `${dir}_rels/${mainPath.slice(dir.length)}.rels`);
  const stylesPath = relationshipTarget(rels, 'styles', dir) ?? `${dir}styles.xml`;
  const numberingPath = relationshipTarget(rels, 'numbering', dir) ?? `${dir}numbering.xml`;
  const styles = readStyleNumbering(await readPart(zip, stylesPath));
  const numbering = createNumbering(await readPart(zip, numberingPath), styles.numberingOf);

  const paragraphs: string[] = [];
  const readParagraph = (p: XmlElement, out: string[]): void => {
    const pPr = firstChild(p, 'w:pPr');
    const styleId = childValue(pPr, 'w:pStyle') ?? styles.defaultStyleId;
    const direct = readNumPr(pPr);
    const fromStyle = styleId ? styles.numberingOf(styleId) : undefined;
    // numId 0 switches off the numbering a style would give.
    const props: NumberingProps = { numId: direct?.numId ?? fromStyle?.numId, ilvl: direct?.ilvl ?? fromStyle?.ilvl };
    let text = '';
    const nested: string[] = [];
    const walk = (element: XmlElement): void => {
      for (const child of childElements(element)) {
        if (HIDDEN.has(child.name)) continue;
        if (child.name === 'w:p') readParagraph(child, nested); // a text box inside this paragraph
        else if (child.name === 'w:t') text += child.children.filter((c) => typeof c === 'string').join('');
        else if (child.name in CHARACTERS) text += CHARACTERS[child.name];
        else if (child.name === 'w:sym') text += symbolCharacter(child.attrs['w:char']);
        else walk(child);
      }
    };
    walk(p);
    const number = props.numId && props.numId !== '0' ? numbering.next(props, styleId) : '';
    if ((number + text).trim() !== '') out.push(number + text);
    out.push(...nested);
  };
  const collect = (element: XmlElement): void => {
    for (const child of childElements(element)) {
      if (child.name === 'w:p') readParagraph(child, paragraphs);
      else if (!HIDDEN.has(child.name)) collect(child);
    }
  };
  collect(firstChild(firstChild(document, 'w:document'), 'w:body') ?? document);
  return paragraphs;
}

/** `<w:sym w:char="F0B7"/>`: characters in the private-use area are font glyphs (bullets), not text. */
function symbolCharacter(hex: string | undefined): string {
  const code = hex ? parseInt(hex, 16) : NaN;
  return Number.isFinite(code) && !(code >= 0xe000 && code <= 0xf8ff) ? String.fromCodePoint(code) : '';
}
