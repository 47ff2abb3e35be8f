import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, LevelFormat, LevelSuffix, Packer, Paragraph, type ILevelsOptions } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/import/decode-text.ts';
import { formatListNumber } from '../../../src/lib/import/docx-numbering.ts';
import { readDocxParagraphs } from '../../../src/lib/import/docx-paragraphs.ts';
import { matchNumbering } from '../../../src/lib/structure/outline.ts';

const seedDir = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const seedLines = readFileSync(path.join(seedDir, '000_b79b53dc5c4bd550.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
const seedDocx = (kind: 'typed' | 'auto') => readFileSync(path.join(seedDir, `000_b79b53dc5c4bd550.${kind}-numbering.docx`));

// The outline of Chinese office documents as Word/WPS list numbering: 一、 （一） 1.
const outlineLevels: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.NOTHING },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', suffix: LevelSuffix.NOTHING },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.', suffix: LevelSuffix.NOTHING },
];
const LEVEL_OF_STYLE: Record<string, number> = { cn: 0, 'cn-paren': 1, arabic: 2 };

type Item = string | { level: number; text: string; instance?: number; reference?: string };

async function makeDocx(items: Item[], extra: { reference: string; levels: ILevelsOptions[] }[] = []): Promise<Uint8Array> {
  const children = items.map((item) =>
    typeof item === 'string'
      ? new Paragraph({ text: item })
      : new Paragraph({
          text: item.text,
          numbering: { reference: item.reference ?? 'outline', level: item.level, ...(item.instance ? { instance: item.instance } : {}) },
        }),
  );
  const document = new Document({
    numbering: { config: [{ reference: 'outline', levels: outlineLevels }, ...extra] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A minimal .docx written by hand, for numbering features the docx package does not emit. */
async function makeRawDocx(body: string, numbering: string, styles = ''): Promise<Uint8Array> {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const zip = new JSZip();
  zip.file('_rels/.rels', '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<w:document ${w}><w:body>${body}</w:body></w:document>`);
  zip.file('word/numbering.xml', `<w:numbering ${w}>${numbering}</w:numbering>`);
  zip.file('word/styles.xml', `<w:styles ${w}>${styles}</w:styles>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (text: string, numPr = '', style = '') =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl?: number) => `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, format: string, text: string, more = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:suff w:val="nothing"/><w:lvlText w:val="${text}"/>${more}</w:lvl>`;

describe('readDocxParagraphs on the seed documents', () => {
  it('reads the document with typed numbers as the seed text, line for line', async () => {
    expect(await readDocxParagraphs(seedDocx('typed'))).toEqual(seedLines);
  });

  it('restores automatic numbering (一、 （一） 1.) that plain text extraction loses', async () => {
    const paragraphs = await readDocxParagraphs(seedDocx('auto'));
    expect(paragraphs).toEqual(seedLines);
    expect(paragraphs.filter((text) => /^[一二三]、/.test(text))).toEqual(['一、履职情况', '二、主要问题', '三、下步打算']);
  });
});

describe('readDocxParagraphs on documents made with the docx package', () => {
  it('reads typed numbers as they are', async () => {
    expect(await readDocxParagraphs(await makeDocx(seedLines))).toEqual(seedLines);
  });

  it('numbers the seed outline rebuilt as Word list numbering exactly as it was typed', async () => {
    // Each numbered seed line becomes a list paragraph without its number: Word computes it.
    const items = seedLines.map((line): Item => {
      const match = matchNumbering(line);
      const level = match ? LEVEL_OF_STYLE[match.style] : undefined;
      return level === undefined || !match ? line : { level, text: line.slice(line.indexOf(match.marker) + match.marker.length) };
    });
    expect(items.filter((item) => typeof item !== 'string')).toHaveLength(22);
    expect(await readDocxParagraphs(await makeDocx(items))).toEqual(seedLines);
  });

  it('restarts lower levels under a new higher item, also across a skipped level, and on a new list instance', async () => {
    const docx = await makeDocx([
      { level: 0, text: '履职情况' },
      { level: 1, text: '加强党的建设' },
      { level: 2, text: '强化政治意识。' },
      { level: 2, text: '严格阵地管控。' },
      { level: 1, text: '聚焦中心工作' },
      { level: 2, text: '发挥职能作用。' },
      '正文段落不编号。',
      { level: 0, text: '主要问题' },
      { level: 2, text: '党建品牌不够多。' }, // level 1 skipped
      { level: 2, text: '督促力度不够。' },
      { level: 1, text: '原因分析' },
      { level: 0, text: '下步打算' },
      { level: 2, text: '甲' },
      { level: 2, text: '乙' },
      { level: 2, text: '丙', instance: 2 }, // "restart numbering" in Word
      { level: 2, text: '丁', instance: 2 },
    ]);
    expect(await readDocxParagraphs(docx)).toEqual([
      '一、履职情况', '（一）加强党的建设', '1.强化政治意识。', '2.严格阵地管控。', '（二）聚焦中心工作', '1.发挥职能作用。',
      '正文段落不编号。', '二、主要问题', '1.党建品牌不够多。', '2.督促力度不够。', '（一）原因分析', '三、下步打算',
      '1.甲', '2.乙', '1.丙', '2.丁',
    ]);
  });

  it('counts past ten in Chinese and keeps the tab after "1." as a space but not after "①"', async () => {
    const items: Item[] = Array.from({ length: 12 }, (_, i) => ({ level: 0, text: `第${i + 1}部分` }));
    const docx = await makeDocx(
      [...items, { reference: 'items', level: 0, text: '甲' }, { reference: 'circled', level: 0, text: '乙' }],
      [
        { reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 3 }] },
        { reference: 'circled', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' }] },
      ],
    );
    const paragraphs = await readDocxParagraphs(docx);
    expect(paragraphs.slice(8, 12)).toEqual(['九、第9部分', '十、第10部分', '十一、第11部分', '十二、第12部分']);
    expect(paragraphs.slice(12)).toEqual(['3. 甲', '①乙']);
  });
});

describe('readDocxParagraphs on numbering the docx package does not write', () => {
  const outline = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

  it('follows lvlRestart 0 (never restart): 1. 2. go on across （一）（二）', async () => {
    const body = [p('甲', numPr(1, 0)), p('乙', numPr(1, 1)), p('丙', numPr(1, 2)), p('丁', numPr(1, 1)), p('戊', numPr(1, 2))].join('');
    expect(await readDocxParagraphs(await makeRawDocx(body, outline))).toEqual(['一、甲', '（一）乙', '1.丙', '（二）丁', '2.戊']);
  });

  it('numbers paragraphs through their style (Heading 1 → 一、) unless numId 0 switches it off', async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr>${numPr(1, 0)}</w:pPr></w:style>`
      + `<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>`;
    const body = [p('回顾', '', 'Heading1'), p('问题', '', 'MyHeading'), p('不编号的标题', numPr(0), 'Heading1'), p('打算', '', 'Heading1')].join('');
    expect(await readDocxParagraphs(await makeRawDocx(body, outline, styles))).toEqual(['一、回顾', '二、问题', '不编号的标题', '三、打算']);
  });

  it('shows a startOverride and reads tables, tabs and line breaks, but not deleted text', async () => {
    const numbering = `${outline}<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
    const body = p('五', numPr(2, 0))
      + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格</w:t><w:tab/><w:t>一</w:t><w:br/><w:t>第二行</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
      + '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>';
    expect(await readDocxParagraphs(await makeRawDocx(body, numbering))).toEqual(['五、五', '单元格\t一\n第二行', '保留']);
  });
});

describe('readDocxParagraphs on files that are not Word documents', () => {
  it('explains a file that is not a zip, and a zip without a document', async () => {
    await expect(readDocxParagraphs(new TextEncoder().encode('只是文字'))).rejects.toThrow(ImportError);
    await expect(readDocxParagraphs(new TextEncoder().encode('只是文字'))).rejects.toThrow(/不是有效的 \.docx/);
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    await expect(readDocxParagraphs(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/没有 word\/document\.xml/);
  });
});

describe('formatListNumber', () => {
  it('writes Word number formats as Word shows them', () => {
    const counting = [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110].map((n) => formatListNumber(n, 'chineseCounting'));
    expect(counting).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十']);
    expect(formatListNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatListNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatListNumber(2024, 'ideographDigital')).toBe('二〇二四');
    expect(formatListNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatListNumber(7, 'decimalFullWidth')).toBe('７');
    expect(formatListNumber(4, 'upperRoman')).toBe('IV');
    expect(formatListNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatListNumber(5, 'someFutureFormat')).toBe('5');
  });
});
