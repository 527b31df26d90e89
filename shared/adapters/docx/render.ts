/**
 * Renders a document model as `.docx` (WordprocessingML written here, zipped with node:zlib), in
 * the presentation Nghị định 30/2020/NĐ-CP sets: A4, Times New Roman 13 pt, margins 20 mm top and
 * bottom, 30 mm left, 15 mm right; the letterhead as a borderless two-column table; tables with
 * thin borders and a header row repeated on each page; the signature block as a borderless
 * two-column table. Written by hand rather than with the `docx` library, which was 357 KB of the
 * propose function's bundle for these few elements (issue 12). Elements are in the order the
 * ECMA-376 schema requires (Word refuses a file whose properties are out of order).
 */
import type { Block, DocumentModel, RecipientsBox, Run, SignerBox } from '../../domain/documents.ts';
import { xmlSafe } from '../../domain/text.ts';
import { zip } from './zip.ts';

const FONT = 'Times New Roman';
/** Sizes in half-points. */
const SIZE = { body: 26, small: 24, table: 22, recipients: 22 } as const;
const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};

/** Text as XML character data: escaped, and without the characters XML 1.0 cannot carry. */
const xmlText = (t: string) =>
  xmlSafe(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONTS = `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>`;

interface RunStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  size?: number;
  underline?: boolean;
}

const text = (t: string, o: RunStyle = {}) => {
  const size = o.size ?? SIZE.body;
  const props =
    FONTS +
    (o.bold ? '<w:b/><w:bCs/>' : '') +
    (o.italic ? '<w:i/><w:iCs/>' : '') +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    (o.underline ? '<w:u w:val="single"/>' : '');
  const content = t
    .split('\n')
    .map((part) => `<w:t xml:space="preserve">${xmlText(part)}</w:t>`)
    .join('<w:br/>');
  return `<w:r><w:rPr>${props}</w:rPr>${content}</w:r>`;
};

type Align = 'left' | 'center' | 'right' | 'both';

/** A paragraph: spacing, first-line indent and alignment in the schema's order, then its runs. */
const para = (
  runs: string,
  o: { align?: Align; before?: number; after?: number; line?: number; firstLine?: number } = {},
) => {
  const spacing =
    o.before !== undefined || o.after !== undefined || o.line !== undefined
      ? `<w:spacing${o.before !== undefined ? ` w:before="${o.before}"` : ''}${o.after !== undefined ? ` w:after="${o.after}"` : ''}${o.line !== undefined ? ` w:line="${o.line}" w:lineRule="auto"` : ''}/>`
      : '';
  const indent = o.firstLine ? `<w:ind w:firstLine="${o.firstLine}"/>` : '';
  const jc = o.align ? `<w:jc w:val="${o.align}"/>` : '';
  return `<w:p><w:pPr>${spacing}${indent}${jc}</w:pPr>${runs}</w:p>`;
};

const line = (t: string, o: RunStyle & { align?: 'left' | 'center' | 'right'; after?: number } = {}) =>
  para(text(t, o), { align: o.align ?? 'center', after: o.after ?? 0 });

const dxa = (tag: string, w: number) => `<w:${tag} w:w="${Math.round(w)}" w:type="dxa"/>`;
const margins = (tag: string, m: { top: number; left: number; bottom: number; right: number }) =>
  `<w:${tag}>${dxa('top', m.top)}${dxa('left', m.left)}${dxa('bottom', m.bottom)}${dxa('right', m.right)}</w:${tag}>`;
const borders = (val: 'none' | 'single') => {
  const edge = (side: string) =>
    val === 'none'
      ? `<w:${side} w:val="none" w:sz="0" w:space="0" w:color="FFFFFF"/>`
      : `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  return `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(edge).join('')}</w:tblBorders>`;
};

const cell = (
  paragraphs: string[],
  width: number,
  cellMargins?: { top: number; left: number; bottom: number; right: number },
) =>
  `<w:tc><w:tcPr>${dxa('tcW', width)}${cellMargins ? margins('tcMar', cellMargins) : ''}</w:tcPr>${paragraphs.join('') || para('')}</w:tc>`;

const row = (cells: string[], o: { header?: boolean; cantSplit?: boolean } = {}) =>
  `<w:tr>${o.header || o.cantSplit ? `<w:trPr>${o.cantSplit ? '<w:cantSplit/>' : ''}${o.header ? '<w:tblHeader/>' : ''}</w:trPr>` : ''}${cells.join('')}</w:tr>`;

/** A table: width, indent, borders, fixed layout and cell margins in the schema's order, then the grid. */
const tableXml = (
  rows: string[],
  o: { width: number; columns: readonly number[]; borderless?: boolean; indent?: number; tight?: boolean },
) =>
  `<w:tbl><w:tblPr>${dxa('tblW', o.width)}${o.indent !== undefined ? dxa('tblInd', o.indent) : ''}${borders(o.borderless ? 'none' : 'single')}<w:tblLayout w:type="fixed"/>${o.tight ? margins('tblCellMar', TIGHT) : ''}</w:tblPr>` +
  `<w:tblGrid>${o.columns.map((w) => `<w:gridCol w:w="${Math.round(w)}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;

/** The letterhead and signature tables reach into the margins, as the layout's long lines need. */
const WIDE = Math.round(16 * MM);
const TIGHT = { top: 0, bottom: 0, left: 0, right: 0 };

function letterhead(b: Extract<Block, { kind: 'letterhead' }>, textWidth: number): string {
  const width = textWidth + WIDE;
  const left = Math.round(width * 0.43);
  const right = width - left;
  const rows = [
    row([
      cell(
        [
          line(b.governing, { size: SIZE.small }),
          line(b.issuer, { bold: true, size: SIZE.small }),
          line('—————', { size: 16 }),
        ],
        left,
      ),
      cell(
        [
          line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE.small }),
          line('Độc lập - Tự do - Hạnh phúc', { bold: true }),
          line('———————————', { size: 16 }),
        ],
        right,
      ),
    ]),
  ];
  if (b.number)
    rows.push(row([cell([line(b.number)], left), cell([line(b.placeDate ?? '', { italic: true })], right)]));
  return tableXml(rows, { width, columns: [left, right], borderless: true, indent: -WIDE / 2, tight: true });
}

const runOf = (r: Run, base: { bold?: boolean; italic?: boolean }) =>
  typeof r === 'string'
    ? text(r, base)
    : text(r.text, { bold: r.bold ?? base.bold, italic: r.italic ?? base.italic });

function paragraph(b: Extract<Block, { kind: 'paragraph' }>): string {
  const base = { ...(b.bold ? { bold: true } : {}), ...(b.italic ? { italic: true } : {}) };
  return para(b.runs.map((r) => runOf(r, base)).join(''), {
    align: b.align === 'center' ? 'center' : b.align === 'left' ? 'left' : 'both',
    // 6 pt between paragraphs and single lines: Nghị định 30/2020's minimums, the same in Word
    // and LibreOffice (the `docx` library's `line: 300` had no rule: 1.25 lines in Word, single
    // in LibreOffice, and a Tờ trình's signature block pushed onto a page of its own).
    before: 60,
    after: 60,
    ...(b.indent ? { firstLine: Math.round(10 * MM) } : {}),
  });
}

const PADDING = { top: 40, bottom: 40, left: 80, right: 80 };

function table(b: Extract<Block, { kind: 'table' }>, width: number): string {
  const total = b.widths.reduce((a, x) => a + x, 0);
  const widths = b.widths.map((w) => Math.round((w / total) * width));
  const centered = new Set(b.centered ?? []);
  const tableRow = (values: readonly (string | number | boolean | null)[], header: boolean) =>
    row(
      widths.map((w, i) => {
        const v = values[i];
        const t = text(v === null || v === undefined ? '' : String(v), { bold: header, size: SIZE.table });
        return cell([para(t, { align: header || centered.has(i) ? 'center' : 'left' })], w, PADDING);
      }),
      { header, cantSplit: true },
    );
  return tableXml([tableRow(b.header, true), ...b.rows.map((r) => tableRow(r, false))], {
    width,
    columns: widths,
  });
}

function box(b: SignerBox | RecipientsBox): string[] {
  if (b.kind === 'recipients')
    return [
      line('Nơi nhận:', { bold: true, italic: true, size: SIZE.small, align: 'left' }),
      ...b.recipients.map((r) => line(r, { size: SIZE.recipients, align: 'left' })),
    ];
  return [
    ...b.titles.map((t) => line(t, { bold: true })),
    ...(b.hint ? [line(b.hint, { italic: true, size: SIZE.small })] : []),
    ...Array.from({ length: 4 }, () => line('')),
    line('……………………………'),
  ];
}

function signatures(b: Extract<Block, { kind: 'signatures' }>, textWidth: number): string {
  // The signer's side is the wider: “TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG” on one line.
  const width = textWidth + WIDE;
  const left = Math.round(width * 0.38);
  return tableXml([row([cell(box(b.left), left), cell(box(b.right), width - left)], { cantSplit: true })], {
    width,
    columns: [left, width - left],
    borderless: true,
    indent: -WIDE / 2,
    tight: true,
  });
}

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pr: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES = `${XML}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const PACKAGE_RELS = `${XML}<Relationships xmlns="${NS.pr}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
const DOCUMENT_RELS = `${XML}<Relationships xmlns="${NS.pr}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`;
/** Times New Roman 13 pt for everything; paragraphs single-spaced with no space after unless said. */
const STYLES = `${XML}<w:styles xmlns:w="${NS.w}"><w:docDefaults><w:rPrDefault><w:rPr>${FONTS}<w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;
const SETTINGS = `${XML}<w:settings xmlns:w="${NS.w}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
const core = (title: string) =>
  `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(title)}</dc:title><dc:creator>thidua</dc:creator></cp:coreProperties>`;

/** The document as `.docx` bytes (the same model gives the same bytes). */
export async function renderDocx(doc: DocumentModel): Promise<Uint8Array> {
  const landscape = doc.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const width = pageWidth - MARGIN.left - MARGIN.right;
  const body: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'letterhead':
        body.push(letterhead(b, width), line(''));
        break;
      case 'title':
        body.push(
          ...b.lines.map((t, i) => line(t, { bold: true, size: i === 0 ? 28 : SIZE.body })),
          ...(b.note ? [line(b.note, { italic: true })] : []),
          line(''),
        );
        break;
      case 'paragraph':
        body.push(paragraph(b));
        break;
      case 'table':
        body.push(table(b, width), line(''));
        break;
      case 'signatures':
        body.push(line(''), signatures(b, width));
        break;
    }
  }
  const page = landscape
    ? `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>`
    : `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`;
  const section = `<w:sectPr>${page}<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>`;
  const document = `${XML}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:body>${body.join('')}${section}</w:body></w:document>`;
  return new Uint8Array(
    zip([
      ['[Content_Types].xml', CONTENT_TYPES],
      ['_rels/.rels', PACKAGE_RELS],
      ['word/document.xml', document],
      ['word/_rels/document.xml.rels', DOCUMENT_RELS],
      ['word/styles.xml', STYLES],
      ['word/settings.xml', SETTINGS],
      ['docProps/core.xml', core(doc.title)],
    ]),
  );
}
