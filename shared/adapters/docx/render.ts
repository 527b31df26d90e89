/**
 * Renders a document model as `.docx` with the `docx` library, in the presentation Nghị định
 * 30/2020/NĐ-CP sets: A4, Times New Roman 13 pt, margins 20 mm top and bottom, 30 mm left, 15 mm
 * right; the letterhead as a borderless two-column table; tables with thin borders and a header
 * row repeated on each page; the signature block as a borderless two-column table.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type ITableCellOptions,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentModel, RecipientsBox, Run, SignerBox } from '../../domain/documents.ts';

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

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const text = (t: string, o: { bold?: boolean; italic?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({
    text: t,
    font: FONT,
    size: o.size ?? SIZE.body,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italic ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
  });

const line = (
  t: string,
  o: {
    bold?: boolean;
    italic?: boolean;
    size?: number;
    align?: 'left' | 'center' | 'right';
    after?: number;
  } = {},
) =>
  new Paragraph({
    alignment:
      o.align === 'left'
        ? AlignmentType.LEFT
        : o.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [text(t, o)],
  });

const cell = (children: Paragraph[], width: number, extra: Partial<ITableCellOptions> = {}) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...extra });

/** The letterhead and signature tables reach into the margins, as the layout's long lines need. */
const WIDE = Math.round(16 * MM);
const TIGHT = { top: 0, bottom: 0, left: 0, right: 0 };

function letterhead(b: Extract<Block, { kind: 'letterhead' }>, textWidth: number): Table {
  const width = textWidth + WIDE;
  const left = Math.round(width * 0.43);
  const right = width - left;
  const rows = [
    new TableRow({
      children: [
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
      ],
    }),
  ];
  if (b.number)
    rows.push(
      new TableRow({
        children: [cell([line(b.number)], left), cell([line(b.placeDate ?? '', { italic: true })], right)],
      }),
    );
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    indent: { size: -WIDE / 2, type: WidthType.DXA },
    margins: TIGHT,
  });
}

const runOf = (r: Run, base: { bold?: boolean; italic?: boolean }) =>
  typeof r === 'string'
    ? text(r, base)
    : text(r.text, { bold: r.bold ?? base.bold, italic: r.italic ?? base.italic });

function paragraph(b: Extract<Block, { kind: 'paragraph' }>): Paragraph {
  const base = { ...(b.bold ? { bold: true } : {}), ...(b.italic ? { italic: true } : {}) };
  return new Paragraph({
    alignment:
      b.align === 'center'
        ? AlignmentType.CENTER
        : b.align === 'left'
          ? AlignmentType.LEFT
          : AlignmentType.JUSTIFIED,
    spacing: { before: 60, after: 60, line: 300 },
    ...(b.indent ? { indent: { firstLine: Math.round(10 * MM) } } : {}),
    children: b.runs.map((r) => runOf(r, base)),
  });
}

function table(b: Extract<Block, { kind: 'table' }>, width: number): Table {
  const total = b.widths.reduce((a, x) => a + x, 0);
  const widths = b.widths.map((w) => Math.round((w / total) * width));
  const centered = new Set(b.centered ?? []);
  const row = (values: readonly (string | number | boolean | null)[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map((w, i) => {
        const v = values[i];
        return cell(
          [
            new Paragraph({
              alignment: header || centered.has(i) ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [
                text(v === null || v === undefined ? '' : String(v), { bold: header, size: SIZE.table }),
              ],
            }),
          ],
          w,
          { margins: { top: 40, bottom: 40, left: 80, right: 80 } },
        );
      }),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))],
  });
}

function box(b: SignerBox | RecipientsBox): Paragraph[] {
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

function signatures(b: Extract<Block, { kind: 'signatures' }>, textWidth: number): Table {
  // The signer's side is the wider: “TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG” on one line.
  const width = textWidth + WIDE;
  const left = Math.round(width * 0.38);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, width - left],
    borders: NO_BORDERS,
    indent: { size: -WIDE / 2, type: WidthType.DXA },
    margins: TIGHT,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(box(b.left), left), cell(box(b.right), width - left)],
      }),
    ],
  });
}

/** The document as `.docx` bytes. */
export async function renderDocx(doc: DocumentModel): Promise<Uint8Array> {
  const landscape = doc.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const width = pageWidth - MARGIN.left - MARGIN.right;
  const children: (Paragraph | Table)[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'letterhead':
        children.push(letterhead(b, width), line(''));
        break;
      case 'title':
        children.push(
          ...b.lines.map((t, i) => line(t, { bold: true, size: i === 0 ? 28 : SIZE.body })),
          ...(b.note ? [line(b.note, { italic: true })] : []),
          line(''),
        );
        break;
      case 'paragraph':
        children.push(paragraph(b));
        break;
      case 'table':
        children.push(table(b, width), line(''));
        break;
      case 'signatures':
        children.push(line(''), signatures(b, width));
        break;
    }
  }
  const document = new Document({
    creator: 'thidua',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: MARGIN,
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
