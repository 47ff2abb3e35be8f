// Escapes report text so that, written as one MDX line (a paragraph, or after "## "),
// it compiles and renders as exactly the same characters. The site compiles MDX with
// Sätteri (Astro's default) with GFM and smart punctuation on, so besides MDX's
// `{ } < >` and Markdown's own syntax we must stop "--" turning into "–", "..." into
// "…" and straight quotes into curly ones. Backslash escapes do all of that and keep the
// source readable; numeric character references are used only where a backslash cannot
// work (whitespace at the ends, line breaks, a leading "import"/"export").

// Always escaped: MDX expressions and JSX, emphasis, code, links and footnotes, HTML
// entities, GFM tables and strikethrough, smart quotes, math, ATX heading closers.
const ALWAYS = new Set(['\\', '{', '}', '<', '>', '*', '_', '`', '[', ']', '&', '|', '~', '"', "'", '$', '#']);

const REFERENCES: Record<string, string> = { ' ': '&#32;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

function references(run: string): string {
  return [...run].map((char) => REFERENCES[char]!).join('');
}

/** Backslash-escapes the characters that Markdown, GFM, MDX or smart punctuation would change. */
function escapeInline(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (ALWAYS.has(char)) out += `\\${char}`;
    // Runs of "-" and "." become dashes and ellipses; escape every character of the run.
    else if ((char === '-' || char === '.') && (prev === char || next === char)) out += `\\${char}`;
    // GFM autolink literals read "http://" and "www." from the raw source, escapes and all.
    else if (char === ':' && text.startsWith('//', i + 1)) out += '\\:';
    else if (char === '.' && /www$/i.test(text.slice(Math.max(0, i - 3), i))) out += '\\.';
    else out += char;
  }
  return out;
}

/**
 * Escapes one piece of text for MDX. The result is always a single line: leading or
 * trailing spaces (which Markdown strips) become character references, and line breaks
 * become `&#10;` so a paragraph never splits. Two things no Markdown text can carry:
 * spaces and tabs next to a line break (every mdast→hast conversion trims them, even
 * written as references) and NUL (rendered as U+FFFD). The importer passes neither: it
 * splits paragraphs at line breaks, and decodeText refuses NUL.
 */
export function escapeMdxText(text: string): string {
  const lead = /^[ \t]*/.exec(text)![0];
  const core = text.slice(lead.length);
  const trail = /[ \t]*$/.exec(core)![0];
  const middle = core.slice(0, core.length - trail.length);
  let body = escapeInline(middle).replace(/[\r\n]/g, references);
  // Block syntax at the start of the line: lists ("- ", "+ ", "1. ", "1) "), thematic
  // breaks and front matter ("---", "+++"), and MDX ESM lines ("import …", "export …").
  if (lead === '') {
    if (/^[-+]/.test(body)) body = `\\${body}`;
    else if (/^\d{1,9}[.)](?:[ \t]|&#|$)/.test(body)) body = body.replace(/^(\d+)([.)])/, '$1\\$2');
    else if (/^(?:import|export)\b/.test(body)) body = `&#${body.charCodeAt(0)};${body.slice(1)}`;
  }
  return references(lead) + body + references(trail);
}
