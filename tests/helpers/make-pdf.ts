// Small PDFs made for the tests, without any PDF library: text set in a non-embedded Chinese
// font through Adobe's predefined CMap UniGB-UCS2-H (as many older Chinese PDFs are, which only
// a reader with the CMap files can decode), and pages that are only an image (a scan).

export interface PdfTextLine {
  x: number;
  /** Baseline from the bottom of an A4 page (842 high). */
  y: number;
  text: string;
  size?: number;
}

export interface PdfPageSpec {
  lines?: PdfTextLine[];
  /** Draw a gray image over the page instead of (or besides) text, as a scanner does. */
  image?: boolean;
}

const ucs2Hex = (text: string) => [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('');

function pageContent(page: PdfPageSpec): string {
  const ops: string[] = [];
  if (page.image) ops.push('q 495 0 0 742 50 50 cm /Im1 Do Q');
  for (const line of page.lines ?? []) {
    ops.push(`BT /F1 ${line.size ?? 10} Tf 1 0 0 1 ${line.x} ${line.y} Tm <${ucs2Hex(line.text)}> Tj ET`);
  }
  return ops.join('\n');
}

/** A PDF of the given pages (A4), each line one text run at its position. */
export function makePdf(pages: PdfPageSpec[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const firstPage = 6;
  const kids = pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>');
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const image = 'stream-image';
  for (const page of pages) {
    const content = pageContent(page);
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 ${firstPage + 2 * pages.length} 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  }
  add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n${image.slice(0, 0)}\x80\x90\xa0\xb0\nendstream`);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Lines of running text set as a word processor would: 10-point type, 14.5 points apart, from the top margin. */
export function setLines(texts: string[], options: { x?: number; top?: number; indent?: number[] } = {}): PdfTextLine[] {
  const top = options.top ?? 770;
  return texts.map((text, i) => ({ x: (options.x ?? 57) + (options.indent?.[i] ?? 0), y: Math.round((top - i * 14.5) * 10) / 10, text }));
}
