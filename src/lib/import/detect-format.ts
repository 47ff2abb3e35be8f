// What a file really is, read from its first bytes rather than its name: offices rename files
// freely, and WPS or old Word save RTF and web pages under a .doc name.

export type ContentFormat = 'ole' | 'zip' | 'pdf' | 'rtf' | 'html' | 'mhtml' | 'unknown';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The container or document format of a file's bytes; 'unknown' for anything else (plain text too). */
export function detectFormat(bytes: Uint8Array): ContentFormat {
  if (OLE.every((byte, i) => bytes[i] === byte)) return 'ole';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && [0x0304, 0x0506, 0x0708].includes(((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0))) return 'zip';
  // Only ASCII matters below; latin1 never fails. UTF-16 text shows its ASCII with NULs between.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/\0/g, '');
  // A PDF may carry a few bytes of junk before its header; readers accept it within the first KiB.
  if (head.slice(0, 1024).includes('%PDF-')) return 'pdf';
  const start = head.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').trimStart();
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (/^MIME-Version:/im.test(start.slice(0, 1024))) return 'mhtml';
  if (/^<(?:!doctype\s+html|html|\?xml[^>]*>\s*<html)/i.test(start) || /<html[\s>]/i.test(start.slice(0, 1024))) return 'html';
  return 'unknown';
}
