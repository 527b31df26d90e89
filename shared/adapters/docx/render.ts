/**
 * Renders a document model as `.docx` with the `docx` library, in the presentation Nghị định
 * 30/2020/NĐ-CP sets: A4, Times New Roman 13 pt, margins 20 mm top and bottom, 30 mm left, 15 mm
 * right; the letterhead as a borderless two-column table; tables with thin borders and a header
 * row repeated on each page; the signature block as a borderless two-column table. Paragraphs are
 * single-spaced with 6 pt between them, with the line rule said explicitly (a line height without
 * its rule is 1.25 lines in Word and single in LibreOffice).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type ITableCellOptions,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { xmlSafe } from '../../domain/text.ts';
import type { Block, DocumentModel, RecipientsBox, Run, SignerBox } from '../../present/documents.ts';

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
/** Single lines (240 twentieths of a point, the auto rule). */
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

interface RunStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  size?: number;
  underline?: boolean;
}

/** A run per line of the text (a line break between them); characters XML cannot carry left out. */
const text = (t: string, o: RunStyle = {}): TextRun[] =>
  xmlSafe(t)
    .split('\n')
    .map(
      (part, i) =>
        new TextRun({
          text: part,
          ...(o.size !== undefined && o.size !== SIZE.body ? { size: o.size } : {}),
          ...(i > 0 ? { break: 1 } : {}),
          ...(o.bold ? { bold: true } : {}),
          ...(o.italic ? { italics: true } : {}),
          ...(o.underline ? { underline: {} } : {}),
        }),
    );

const line = (
  t: string,
  o: RunStyle & { align?: 'left' | 'center' | 'right'; after?: number; keepNext?: boolean } = {},
) =>
  new Paragraph({
    ...(o.keepNext ? { keepNext: true, keepLines: true } : {}),
    alignment:
      o.align === 'left'
        ? AlignmentType.LEFT
        : o.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: text(t, o),
  });

const cell = (children: Paragraph[], width: number, extra: Partial<ITableCellOptions> = {}) =>
  new TableCell({
    children: children.length ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    ...extra,
  });

/** The letterhead and signature tables reach into the margins, as the layout's long lines need. */
const WIDE = Math.round(16 * MM);
const TIGHT = { top: 0, bottom: 0, left: 0, right: 0 };

/** A borderless two-column table reaching into both margins (letterhead, signatures). */
const frame = (rows: TableRow[], width: number, left: number) =>
  new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, width - left],
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    indent: { size: -WIDE / 2, type: WidthType.DXA },
    margins: TIGHT,
  });

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
  return frame(rows, width, left);
}

const runOf = (r: Run, base: { bold?: boolean; italic?: boolean }) =>
  typeof r === 'string'
    ? text(r, base)
    : text(r.text, { bold: r.bold ?? base.bold, italic: r.italic ?? base.italic });

function paragraph(b: Extract<Block, { kind: 'paragraph' }>, keepNext = false): Paragraph {
  const base = { ...(b.bold ? { bold: true } : {}), ...(b.italic ? { italic: true } : {}) };
  return new Paragraph({
    ...(keepNext ? { keepNext: true, keepLines: true } : {}),
    alignment:
      b.align === 'center'
        ? AlignmentType.CENTER
        : b.align === 'left'
          ? AlignmentType.LEFT
          : AlignmentType.JUSTIFIED,
    // 6 pt between paragraphs and single lines: Nghị định 30/2020's minimums, the same in Word and
    // LibreOffice (so a Tờ trình's signature block is not pushed onto a page of its own).
    spacing: { before: 60, after: 60, ...SINGLE },
    ...(b.indent ? { indent: { firstLine: Math.round(10 * MM) } } : {}),
    children: b.runs.flatMap((r) => runOf(r, base)),
  });
}

/** Every cell's padding, said once for the table. */
const PADDING = { top: 40, bottom: 40, left: 80, right: 80 };
/** The tables' paragraph style (11 pt), said once in the styles rather than on every run. */
const TABLE_TEXT = 'TableText';

/** Body rows kept on the page of what follows a table when a signature block follows it. */
const KEPT_ROWS = 2;

function table(b: Extract<Block, { kind: 'table' }>, width: number, keepNext = false): Table {
  const total = b.widths.reduce((a, x) => a + x, 0);
  const widths = b.widths.map((w) => Math.round((w / total) * width));
  const centered = new Set(b.centered ?? []);
  const row = (values: readonly (string | number | boolean | null)[], header: boolean, keep = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map((w, i) => {
        const v = values[i];
        const t = v === null || v === undefined ? '' : String(v);
        return cell(
          [
            new Paragraph({
              // An empty cell keeps the body's line height: room for a signature in a list to sign.
              ...(t ? { style: TABLE_TEXT } : {}),
              ...(keep ? { keepNext: true, keepLines: true } : {}),
              alignment: header || centered.has(i) ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: text(t, { bold: header }),
            }),
          ],
          w,
        );
      }),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: PADDING,
    // Keep-with-next on the last rows' paragraphs: Word and LibreOffice carry them over with the
    // signature block rather than let the block open a page alone.
    rows: [
      row(b.header, true),
      ...b.rows.map((r, i) => row(r, false, keepNext && i >= b.rows.length - KEPT_ROWS)),
    ],
  });
}

/** The lines of a signer's heading (titles and hint): two signers side by side sign on one level. */
const headingLines = (b: SignerBox | RecipientsBox) =>
  b.kind === 'signer' ? b.titles.length + (b.hint ? 1 : 0) : 0;

function box(b: SignerBox | RecipientsBox, heading: number): Paragraph[] {
  if (b.kind === 'recipients')
    return [
      line('Nơi nhận:', { bold: true, italic: true, size: SIZE.small, align: 'left' }),
      ...b.recipients.map((r) => line(r, { size: SIZE.recipients, align: 'left' })),
    ];
  return [
    ...b.titles.map((t) => line(t, { bold: true })),
    ...(b.hint ? [line(b.hint, { italic: true, size: SIZE.small })] : []),
    ...Array.from({ length: 4 + heading - headingLines(b) }, () => line('')),
    line('……………………………'),
  ];
}

function signatures(b: Extract<Block, { kind: 'signatures' }>, textWidth: number): Table {
  // The signer's side is the wider: “TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG” on one line.
  const width = textWidth + WIDE;
  const left = Math.round(width * 0.38);
  const heading = Math.max(headingLines(b.left), headingLines(b.right));
  return frame(
    [
      new TableRow({
        cantSplit: true,
        children: [cell(box(b.left, heading), left), cell(box(b.right, heading), width - left)],
      }),
    ],
    width,
    left,
  );
}

/**
 * The blocks that go over to the next page with the signature block after them, so that no page
 * opens with it: the paragraphs right before it (two at most) and, reached through them, the last
 * rows of a table.
 */
function keptWithSignatures(blocks: readonly Block[]): Set<number> {
  const kept = new Set<number>();
  blocks.forEach((b, i) => {
    if (b.kind !== 'signatures') return;
    for (let j = i - 1, paragraphs = 0; j >= 0; j--) {
      const before = blocks[j];
      if (before?.kind === 'table') kept.add(j);
      if (before?.kind !== 'paragraph' || ++paragraphs > 2) break;
      kept.add(j);
    }
  });
  return kept;
}

/** The document as `.docx` bytes. */
export async function renderDocx(doc: DocumentModel): Promise<Uint8Array> {
  const landscape = doc.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const width = pageWidth - MARGIN.left - MARGIN.right;
  const children: (Paragraph | Table)[] = [];
  const kept = keptWithSignatures(doc.blocks);
  for (const [i, b] of doc.blocks.entries()) {
    const beforeSignatures = kept.has(i);
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
        children.push(paragraph(b, beforeSignatures));
        break;
      case 'table':
        children.push(table(b, width, beforeSignatures), line('', { keepNext: beforeSignatures }));
        break;
      case 'signatures':
        children.push(line('', { keepNext: true }), signatures(b, width));
        break;
    }
  }
  const document = new Document({
    creator: 'thidua',
    title: xmlSafe(doc.title),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: 'vi-VN' } },
          paragraph: { spacing: { after: 0, ...SINGLE } },
        },
      },
      paragraphStyles: [{ id: TABLE_TEXT, name: 'Chữ trong bảng', run: { size: SIZE.table } }],
    },
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
