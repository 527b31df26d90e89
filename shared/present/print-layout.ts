/**
 * The printed layout of the tabs a council prints and signs: the heading every page repeats
 * (council, list title, year, the table's header), a bordered table, and the signature block in
 * the layout of Nghị định 30/2020/NĐ-CP (place and date line, “NGƯỜI LẬP BIỂU” on the left,
 * “TM. HỘI ĐỒNG … / CHỦ TỊCH” on the right). Pure: rows, styles and merges for any medium.
 */

import type { Cell } from '../domain/grid.ts';
import { DOCUMENT_TEXT } from '../text/documents.ts';
import type { MergedRange, SheetTab, StyledRange } from './sheet-model.ts';

/** Column widths (characters) above which a table prints landscape (A4 portrait holds ~100). */
const PORTRAIT_MAX_WIDTH = 100;

export interface ListTabInput {
  readonly title: string;
  /** Lines above the table, repeated on every printed page: the council, the list's title, the year. */
  readonly heading: readonly string[];
  readonly header: readonly string[];
  readonly body: readonly (readonly Cell[])[];
  readonly widths: readonly number[];
  /** Lines under the table, before the signature block (notes, the rule's source). */
  readonly footnotes?: readonly string[];
  /** The signature block (lists the council signs); off for working tabs. */
  readonly signature?: boolean;
  /** Columns (0-based) centered in the body: ranks, codes, numbers. */
  readonly centered?: readonly number[];
  /** Body rows (0-based within the body) that head a part of the table: one line across, in bold. */
  readonly sections?: readonly number[];
}

export interface ListTabLayout {
  readonly tab: Pick<
    SheetTab,
    'title' | 'rows' | 'columnWidths' | 'headerRows' | 'styles' | 'merges' | 'print' | 'rowHeights'
  >;
  /** Row (0-based) of the table's first body row, and of the first row after the table. */
  readonly bodyFrom: number;
  readonly bodyTo: number;
}

/** Points per printed line at the default font size. */
const LINE = 13.5;
/** A row's height when none is set (points; the default font). */
const DEFAULT_ROW = 15;

/** A4 in points, less the margins the adapters set (0.5 in left, 0.4 right, 0.5 top, 0.6 bottom). */
const PAGE = {
  portrait: { width: 595 - 65, height: 842 - 79 },
  landscape: { width: 842 - 65, height: 595 - 79 },
} as const;

/**
 * Where to break the page so that the signature block never stands alone: the rows of a printed
 * list are laid out as a spreadsheet prints them fitted to one page wide (a column of width w is
 * about 7w + 5 pixels); when the block would not fit under the last row, the last rows go over to
 * the next page with it. Estimated from the heights set on the rows (a default row is 15 pt).
 */
export function signatureBreak(input: {
  readonly orientation: 'portrait' | 'landscape';
  readonly widths: readonly number[];
  readonly heights: ReadonlyMap<number, number>;
  /** Rows repeated at the top of each page (0..titlesTo), the body, and the rows after it. */
  readonly titlesTo: number;
  readonly bodyFrom: number;
  readonly bodyTo: number;
  readonly lastRow: number;
  /** Rows carried over with the block. */
  readonly keep?: number;
}): number | undefined {
  const page = PAGE[input.orientation];
  const widthPt = input.widths.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0);
  const scale = Math.min(1, page.width / widthPt);
  const room = page.height / scale;
  const height = (r: number) => input.heights.get(r) ?? DEFAULT_ROW;
  let titles = 0;
  for (let r = 0; r <= input.titlesTo; r++) titles += height(r);
  let used = titles;
  for (let r = input.bodyFrom; r <= input.bodyTo; r++) {
    if (used + height(r) > room) used = titles;
    used += height(r);
  }
  let tail = 0;
  for (let r = input.bodyTo + 1; r <= input.lastRow; r++) tail += height(r);
  if (used + tail <= room) return undefined;
  const keep = input.keep ?? 3;
  return Math.max(input.bodyFrom, input.bodyTo - keep + 1);
}

/**
 * The height a wrapped row needs so that no text is cut: the most lines any cell takes at its
 * column's width (a column holds about one character per unit of width; accented Vietnamese
 * letters are wider, hence the margin). Undefined for a row of one line.
 */
export function wrappedHeight(row: readonly Cell[], widths: readonly number[]): number | undefined;
export function wrappedHeight(row: readonly Cell[], widths: readonly number[], scale: number): number;
export function wrappedHeight(
  row: readonly Cell[],
  widths: readonly number[],
  scale?: number,
): number | undefined {
  let lines = 1;
  row.forEach((value, c) => {
    if (value === null || value === '') return;
    const width = Math.max(1, (widths[c] ?? 10) - 1);
    const text = String(value);
    const needed = text
      .split('\n')
      .reduce((sum, part) => sum + Math.max(1, Math.ceil((part.length * 0.92 * (scale ?? 1)) / width)), 0);
    lines = Math.max(lines, needed);
  });
  // With a scale (a larger font), the height of one line too: always a number.
  if (scale !== undefined) return lines * LINE * scale + 2;
  return lines > 1 ? lines * LINE + 2 : undefined;
}

/** Heights for rows `from`..`to` of `rows` that wrap. */
export function wrappedHeights(
  rows: readonly (readonly Cell[])[],
  widths: readonly number[],
  from: number,
  to: number,
) {
  const heights: { row: number; height: number }[] = [];
  for (let r = from; r <= to; r++) {
    const height = wrappedHeight(rows[r] ?? [], widths);
    if (height) heights.push({ row: r, height });
  }
  return heights;
}

const span = (row: number, fromCol: number, toCol: number): MergedRange => ({
  fromRow: row,
  toRow: row,
  fromCol,
  toCol,
});

/** A table header: bold, shaded, bordered, wrapped, centered. */
export const HEADER_STYLE = {
  bold: true,
  wrap: true,
  border: true,
  fill: 'header',
  align: 'center',
  valign: 'middle',
} as const satisfies StyledRange['style'];

/** The looks of a table: its header row, its body rows (bordered, wrapped) and the columns centered in them. */
export function tableStyles(
  headerRow: number,
  bodyTo: number,
  last: number,
  centered: readonly number[] = [],
): StyledRange[] {
  const bodyFrom = headerRow + 1;
  const row = (fromRow: number, toRow: number, style: StyledRange['style']): StyledRange => ({
    fromRow,
    toRow,
    fromCol: 0,
    toCol: last,
    style,
  });
  return [
    row(headerRow, headerRow, HEADER_STYLE),
    ...(bodyTo >= bodyFrom
      ? [
          row(bodyFrom, bodyTo, { wrap: true, border: true, valign: 'top' }),
          ...centered.map(
            (col): StyledRange => ({
              fromRow: bodyFrom,
              toRow: bodyTo,
              fromCol: col,
              toCol: col,
              style: { align: 'center' },
            }),
          ),
        ]
      : []),
  ];
}

/** Rows split in two halves (left text in the first column, right text in the middle one), each half merged. */
function halves(cols: number) {
  const mid = Math.max(1, Math.floor(cols / 2));
  return {
    mid,
    row: (left: string, right: string): Cell[] => {
      const cells: Cell[] = Array.from({ length: cols }, () => null);
      cells[0] = left;
      cells[mid] = right;
      return cells;
    },
    merges: (r: number): MergedRange[] => [span(r, 0, mid - 1), span(r, mid, cols - 1)],
  };
}

/** The signature block under a table of `cols` columns starting at row `from`: rows, merges, styles. */
export function signatureBlock(from: number, cols: number) {
  const { mid, row: both, merges: halfMerges } = halves(cols);
  const rows: Cell[][] = [
    [],
    both('', DOCUMENT_TEXT.placeDate),
    both(DOCUMENT_TEXT.preparer, DOCUMENT_TEXT.onBehalf),
    both('', DOCUMENT_TEXT.chair),
    both(DOCUMENT_TEXT.signHint, DOCUMENT_TEXT.signSealHint),
    [],
    [],
    [],
    both(DOCUMENT_TEXT.nameLine, DOCUMENT_TEXT.nameLine),
  ];
  const merges: MergedRange[] = [];
  const styles: StyledRange[] = [];
  rows.forEach((row, i) => {
    if (row.length > 0) merges.push(...halfMerges(from + i));
  });
  const at = (i: number) => from + i;
  styles.push(
    { fromRow: at(1), toRow: at(1), fromCol: mid, toCol: cols - 1, style: { italic: true, align: 'center' } },
    { fromRow: at(2), toRow: at(3), fromCol: 0, toCol: cols - 1, style: { bold: true, align: 'center' } },
    { fromRow: at(4), toRow: at(4), fromCol: 0, toCol: cols - 1, style: { italic: true, align: 'center' } },
    { fromRow: at(8), toRow: at(8), fromCol: 0, toCol: cols - 1, style: { align: 'center' } },
  );
  return { rows, merges, styles, heights: [5, 6, 7].map((i) => ({ row: at(i), height: 22 })) };
}

/**
 * A list as a council prints it: heading lines (merged across the table, bold, centered), the
 * table's header (bold, shaded, bordered, wrapped), the body (bordered, wrapped), footnotes, and
 * the signature block. Heading and header repeat on every page; the page prints one page wide,
 * landscape when the table is wide, with “Trang x/y” in the footer.
 */
export function listTab(input: ListTabInput): ListTabLayout {
  const cols = input.widths.length;
  const last = cols - 1;
  const heading = input.heading.map((line): Cell[] => [line]);
  const headerRow = heading.length;
  const bodyFrom = headerRow + 1;
  const body = input.body.length ? input.body : [[DOCUMENT_TEXT.nothing]];
  const bodyTo = bodyFrom + body.length - 1;
  const rows: Cell[][] = [...heading, [...input.header], ...body.map((r) => [...r])];
  const merges: MergedRange[] = heading.map((_, i) => span(i, 0, last));
  const styles: StyledRange[] = [
    ...heading.map(
      (_, i): StyledRange => ({
        fromRow: i,
        toRow: i,
        fromCol: 0,
        toCol: last,
        style: i === heading.length - 1 ? { italic: true, align: 'center' } : { bold: true, align: 'center' },
      }),
    ),
    ...tableStyles(headerRow, bodyTo, last, input.centered),
  ];
  if (input.body.length === 0) merges.push(span(bodyFrom, 0, last));
  const total = input.widths.reduce((a, b) => a + b, 0);
  const sections = new Set((input.sections ?? []).map((i) => bodyFrom + i));
  const heights = (input.body.length ? wrappedHeights(rows, input.widths, headerRow, bodyTo) : []).filter(
    (h) => !sections.has(h.row),
  );
  for (const r of sections) {
    merges.push(span(r, 0, last));
    styles.push({ fromRow: r, toRow: r, fromCol: 0, toCol: last, style: { bold: true, align: 'left' } });
    const height = wrappedHeight([rows[r]?.[0] ?? null], [total]);
    if (height) heights.push({ row: r, height });
  }
  for (const note of input.footnotes ?? []) {
    rows.push([note]);
    merges.push(span(rows.length - 1, 0, last));
    styles.push({
      fromRow: rows.length - 1,
      toRow: rows.length - 1,
      fromCol: 0,
      toCol: last,
      style: { italic: true, wrap: true, valign: 'top' },
    });
    // A merged cell does not grow with its text: room for the lines the note needs.
    const height = wrappedHeight([note], [total]);
    if (height) heights.push({ row: rows.length - 1, height });
  }
  if (input.signature) {
    const block = signatureBlock(rows.length, cols);
    rows.push(...block.rows);
    merges.push(...block.merges);
    styles.push(...block.styles);
    heights.push(...block.heights);
  }
  const orientation = total > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait';
  const breakAt = input.signature
    ? signatureBreak({
        orientation,
        widths: input.widths,
        heights: new Map(heights.map((h) => [h.row, h.height])),
        titlesTo: headerRow,
        bodyFrom,
        bodyTo,
        lastRow: rows.length - 1,
      })
    : undefined;
  return {
    tab: {
      title: input.title,
      rows,
      columnWidths: input.widths,
      headerRows: headerRow + 1,
      styles,
      merges,
      rowHeights: heights,
      print: {
        orientation,
        repeatRows: { from: 0, to: headerRow },
        footer: DOCUMENT_TEXT.pageFooter,
        ...(breakAt !== undefined ? { breaksBefore: [breakAt] } : {}),
      },
    },
    bodyFrom,
    bodyTo,
  };
}

const NBSP = '\u00a0';

/** A line that never breaks between its words (no-break spaces). */
export const unbreakable = (line: string) => line.replaceAll(' ', NBSP);

/**
 * A name as a letterhead prints it, in capitals: the kind of body on one line and its place on the
 * next (“VIỆN KIỂM SÁT NHÂN DÂN” / “TỈNH BẮC NINH”) — by default each line unbreakable, so that a
 * narrow column never breaks inside a name (“TỈNH BẮC / NINH”). A name of another shape is split
 * at its commas.
 */
export function letterheadName(name: string, keepWhole = true): string {
  const upper = name.toLocaleUpperCase('vi').trim();
  const kind = DOCUMENT_TEXT.bodyKinds.find((k) => upper.startsWith(`${k} `));
  const lines = kind ? [kind, upper.slice(kind.length + 1)] : upper.split(/,\s*/);
  return lines.map((l) => (keepWhole ? unbreakable(l) : l)).join('\n');
}

/**
 * The heading of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): on the left the
 * governing body and, in bold, the issuing council; on the right the national title and motto.
 * Two rows of `cols` columns, the halves merged.
 */
export function nationalHeading(governingBody: string, cols: number) {
  const { mid, row, merges: halfMerges } = halves(cols);
  const rows: Cell[][] = [
    // The body's kind and its place on two lines (the row holds two), wrapping as the cell needs.
    row(letterheadName(governingBody, false), DOCUMENT_TEXT.nation),
    row(DOCUMENT_TEXT.councilShort, DOCUMENT_TEXT.motto),
  ];
  const merges: MergedRange[] = [0, 1].flatMap(halfMerges);
  const styles: StyledRange[] = [
    { fromRow: 0, toRow: 1, fromCol: 0, toCol: cols - 1, style: { align: 'center', wrap: true } },
    { fromRow: 1, toRow: 1, fromCol: 0, toCol: cols - 1, style: { bold: true } },
    { fromRow: 0, toRow: 0, fromCol: mid, toCol: cols - 1, style: { bold: true } },
  ];
  return { rows, merges, styles };
}

/** The guide's one column: as wide as a portrait A4 page holds without scaling (≈ 7w + 5 px). */
const GUIDE_WIDTH = 80;

/** A guide tab: a bold title, a blank row, then each line wrapped in one wide column, locked, portrait. */
export function guideTab(title: string, heading: string, lines: readonly string[]): SheetTab {
  return {
    title,
    rows: [[heading], [], ...lines.map((line): Cell[] => [line])],
    columnWidths: [GUIDE_WIDTH],
    headerRows: 1,
    protection: 'all',
    styles: [
      { fromRow: 0, toRow: 0, fromCol: 0, toCol: 0, style: { bold: true, size: 13 } },
      { fromRow: 2, toRow: lines.length + 1, fromCol: 0, toCol: 0, style: { wrap: true, valign: 'top' } },
    ],
    rowHeights: wrappedHeights([[], [], ...lines.map((line) => [line])], [GUIDE_WIDTH], 2, lines.length + 1),
    print: { orientation: 'portrait', footer: DOCUMENT_TEXT.pageFooter },
  };
}
