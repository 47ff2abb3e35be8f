// A minimal XML reader for the parts of a .docx (document, numbering, styles): elements,
// attributes and text, no namespaces resolution, no DTDs. Office files are machine-written
// and well-formed, so this is all that reading their text and numbering needs.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses XML text into a tree; returns the root element. */
export function parseXmlTree(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    const [, cdata, closing, name, attrText, selfClosing, text] = m;
    if (text !== undefined) top.children.push(decodeEntities(text));
    else if (cdata !== undefined) top.children.push(cdata);
    else if (name === undefined) continue; // comment, declaration, processing instruction
    else if (closing) {
      const open = stack.findLastIndex((element) => element.name === name);
      if (open > 0) stack.length = open;
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTRIBUTE)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
      const element: XmlElement = { name, attrs, children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  return root;
}

/** Child elements, optionally only those with a given name. */
export function childElements(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** All descendants with this name, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlElement) => {
    for (const child of childElements(node)) {
      if (child.name === name) out.push(child);
      walk(child);
    }
  };
  walk(element);
  return out;
}

/** The `w:val` attribute of a named child (`<w:numId w:val="3"/>` → "3"). */
export function childValue(element: XmlElement | undefined, name: string): string | undefined {
  return firstChild(element, name)?.attrs['w:val'];
}
