/**
 * Local `.xlsx` workbooks through exceljs, behind the same ports as Google Sheets. Reading yields
 * the grid shape the Sheets API gives with UNFORMATTED_VALUE and SERIAL_NUMBER: computed values of
 * formulas, dates as serial numbers, merged areas holding their value in the top-left cell only.
 * A file is measured before it is parsed (size on disk, then every part's unzipped size from the
 * zip directory), so an oversized or zip-bomb file is turned away without being expanded.
 * Writes go to a temporary file renamed into place, so a crash never leaves half a workbook; the
 * feedback tab is patched into the unit's package, every other part kept as it was.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLetters, type WorkbookGrids } from '../../domain/grid.ts';
import { LIMITS } from '../../domain/limits.ts';
import { matchKey } from '../../domain/text.ts';
import {
  type Counters,
  type OwnedWrite,
  type OwnedWriteOptions,
  type SheetSink,
  type SheetSource,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../../ports/index.ts';
import type { CellStyle, SheetTab, WorkbookModel } from '../../present/sheet-model.ts';
import { MESSAGES } from '../../text/messages.ts';
import { Leftovers, replaceFile, swapFile } from '../fs/atomic.ts';
import { notXlsxKind, parseWorkbook } from './parse.ts';
import { patchSheet } from './sheet-part.ts';

/**
 * What turns packages into grids and models into packages: pure CPU work, no I/O. (The feedback
 * patch stays on the main thread: it runs beside the parsing, which keeps the workers busy.)
 */
export interface PackageWork {
  parse(bytes: Uint8Array, location: string): Promise<WorkbookGrids>;
  render(model: WorkbookModel): Promise<Uint8Array>;
}

/** A workbook thidua owns, from its model: every tab rendered, the package written. */
export async function renderWorkbook(model: WorkbookModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  for (const tab of model.tabs) renderTab(workbook, tab);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface XlsxOptions {
  /** Relative locations are resolved against this folder (the registry's). */
  readonly baseDir: string;
  readonly counters?: Counters;
  /** The CPU work on packages (parse, patch, render); by default on this thread (`WorkPool` spreads it over the cores). */
  readonly work?: PackageWork;
}

const FILLS: Record<NonNullable<CellStyle['fill']>, string> = {
  header: 'FFE7E6E6',
  input: 'FFFFF8DC',
  note: 'FFF2F2F2',
};
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
/** Times New Roman, as Nghị định 30/2020/NĐ-CP lays out papers; 11 pt, the size the layouts plan for. */
const BASE_FONT = { name: 'Times New Roman', family: 1, size: 11 } as const;

/** Applies a model style on top of what the cell has (later ranges win). */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.size !== undefined)
    cell.font = {
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.size !== undefined ? { size: style.size } : {}),
    };
  if (style.align || style.valign || style.wrap !== undefined)
    cell.alignment = {
      ...cell.alignment,
      ...(style.align ? { horizontal: style.align } : {}),
      ...(style.valign ? { vertical: style.valign } : {}),
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
    };
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[style.fill] } };
}

/** Excel's footer codes for `{page}` and `{pages}`, in the tabs' face; `&` in the text itself is doubled. */
const footerCode = (text: string) =>
  `&C&"${BASE_FONT.name},Regular"${text.replace(/&/g, '&&').replace('{page}', '&P').replace('{pages}', '&N')}`;

/** Renders a medium-independent tab into an exceljs worksheet. */
export function renderTab(workbook: ExcelJS.Workbook, tab: SheetTab): ExcelJS.Worksheet {
  const headerRows = tab.headerRows ?? 0;
  const sheet = workbook.addWorksheet(tab.title, {
    views: headerRows > 0 ? [{ state: 'frozen', ySplit: headerRows }] : [],
  });
  tab.columnWidths?.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  tab.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      // Text from users is written as a plain string value, never as a formula.
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  for (const f of tab.formulas ?? [])
    sheet.getCell(f.row + 1, f.col + 1).value = {
      formula: f.formula,
      ...(f.result !== undefined && f.result !== null ? { result: f.result } : {}),
    } as ExcelJS.CellFormulaValue;
  // Every cell of the tab in the decree's face, by name: a font entry without one (bold only, say)
  // is drawn by LibreOffice and others in a fallback face whose widths the layout did not plan for.
  const lastCol = Math.max(1, ...tab.rows.map((row) => row.length), tab.columnWidths?.length ?? 0);
  for (let r = 1; r <= tab.rows.length; r++)
    for (let c = 1; c <= lastCol; c++)
      sheet.getCell(r, c).font = r <= headerRows ? { ...BASE_FONT, bold: true } : { ...BASE_FONT };
  for (let r = 1; r <= headerRows; r++) sheet.getRow(r).alignment = { wrapText: true, vertical: 'middle' };
  for (const range of tab.styles ?? [])
    for (let r = range.fromRow; r <= range.toRow; r++)
      for (let c = range.fromCol; c <= range.toCol; c++) applyStyle(sheet.getCell(r + 1, c + 1), range.style);
  for (const m of tab.merges ?? []) sheet.mergeCells(m.fromRow + 1, m.fromCol + 1, m.toRow + 1, m.toCol + 1);
  for (const h of tab.rowHeights ?? []) sheet.getRow(h.row + 1).height = h.height;
  if (tab.print) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9, // A4
      orientation: tab.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(tab.print.repeatRows
        ? { printTitlesRow: `${tab.print.repeatRows.from + 1}:${tab.print.repeatRows.to + 1}` }
        : {}),
      ...(tab.print.columns
        ? { printArea: `${columnLetters(tab.print.columns.from)}:${columnLetters(tab.print.columns.to)}` }
        : {}),
    };
    if (tab.print.footer) sheet.headerFooter = { oddFooter: footerCode(tab.print.footer) };
    // A break below the row before (exceljs places it under the row it is added to).
    for (const row of tab.print.breaksBefore ?? []) if (row > 0) sheet.getRow(row).addPageBreak();
  }
  for (const note of tab.notes ?? []) sheet.getCell(note.row + 1, note.col + 1).note = note.text;
  for (const v of tab.validations ?? []) {
    const range = `${columnLetters(v.col)}${v.fromRow + 1}:${columnLetters(v.col)}${v.toRow + 1}`;
    const rule: ExcelJS.DataValidation =
      v.rule.kind === 'list'
        ? { type: 'list', allowBlank: true, formulae: [`"${v.rule.values.join(',')}"`] }
        : { type: v.rule.kind, operator: 'between', allowBlank: true, formulae: [v.rule.min, v.rule.max] };
    (
      sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(range, {
      ...rule,
      showErrorMessage: true,
      errorStyle: 'stop',
      error: v.message,
      showInputMessage: false,
    });
  }
  const protection = tab.protection ?? 'none';
  if (protection !== 'none') {
    if (protection === 'header') {
      // Everything below the header is editable, except the cells the template locks explicitly.
      const lastRow = Math.max(
        tab.rows.length,
        ...(tab.validations ?? []).map((v) => v.toRow + 1),
        ...(tab.formulas ?? []).map((f) => f.row + 1),
      );
      const lastCol = Math.max(1, ...tab.rows.map((row) => row.length), tab.columnWidths?.length ?? 0);
      for (let r = headerRows + 1; r <= lastRow; r++)
        for (let c = 1; c <= lastCol; c++) sheet.getCell(r, c).protection = { locked: false };
      for (const cell of tab.lockedCells ?? [])
        sheet.getCell(cell.row + 1, cell.col + 1).protection = { locked: true };
    }
    void sheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: protection === 'all',
      autoFilter: protection === 'all',
    });
  }
  return sheet;
}

type ValidationModel = { model: Record<string, ExcelJS.DataValidation> };

/**
 * exceljs reads data validations back one cell at a time and, on writing, squeezes them into
 * ranges after sorting addresses as text (E10 before E2), which yields overlapping ranges that
 * Excel reports as damaged content. So the cells are squeezed here, by column and numeric row.
 */
export function compactValidations(sheet: ExcelJS.Worksheet): void {
  const validations = (sheet as unknown as { dataValidations: ValidationModel }).dataValidations;
  const compacted: Record<string, ExcelJS.DataValidation> = {};
  const runs = new Map<string, { col: string; rule: ExcelJS.DataValidation; rows: number[] }>();
  for (const [address, rule] of Object.entries(validations.model)) {
    const cell = /^([A-Z]+)(\d+)$/.exec(address);
    if (!cell) {
      compacted[address] = rule;
      continue;
    }
    const col = cell[1] ?? '';
    const key = `${col}|${JSON.stringify(rule)}`;
    const run = runs.get(key) ?? { col, rule, rows: [] };
    run.rows.push(Number(cell[2]));
    runs.set(key, run);
  }
  for (const { col, rule, rows } of runs.values()) {
    rows.sort((a, b) => a - b);
    let start = rows[0] ?? 0;
    for (let i = 1; i <= rows.length; i++) {
      const previous = rows[i - 1] ?? 0;
      if (i < rows.length && rows[i] === previous + 1) continue;
      compacted[start === previous ? `${col}${start}` : `${col}${start}:${col}${previous}`] = rule;
      start = rows[i] ?? 0;
    }
  }
  validations.model = compacted;
}

export class XlsxWorkbooks implements SheetSource, SheetSink {
  private readonly leftovers = new Leftovers();

  constructor(private readonly options: XlsxOptions) {}

  resolve(location: string): string {
    return isAbsolute(location) ? location : resolve(this.options.baseDir, location);
  }

  private async version(path: string): Promise<string | undefined> {
    try {
      const s = await stat(path);
      return `${Math.trunc(s.mtimeMs)}:${s.size}`;
    } catch {
      return undefined;
    }
  }

  async versions(locations: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    await Promise.all(
      locations.map(async (location) => {
        const version = await this.version(this.resolve(location));
        if (version) result.set(location, version);
      }),
    );
    return result;
  }

  /** The file's bytes, refused before parsing when it is larger than any real unit's workbook. */
  private async bytes(location: string): Promise<Buffer> {
    const path = this.resolve(location);
    const version = await this.version(path);
    if (!version) throw new WorkbookNotFoundError(location);
    if (Number(version.split(':')[1]) > LIMITS.fileBytes)
      throw new WorkbookReadError(location, MESSAGES.FILE_TOO_LARGE(LIMITS.fileBytes));
    try {
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new WorkbookNotFoundError(location);
      if (code === 'EACCES' || code === 'EPERM')
        throw new WorkbookInaccessibleError(location, MESSAGES.NO_PERMISSION(), { cause: error });
      throw new WorkbookReadError(location, MESSAGES.NOT_XLSX(), { cause: error });
    }
  }

  /** Reads every tab (a whole file costs one read whatever the tabs wanted). */
  async readWorkbook(location: string, _tabs?: readonly string[]): Promise<WorkbookGrids> {
    if (this.options.counters) this.options.counters.sheetReads++;
    const bytes = await this.bytes(location);
    return (this.options.work?.parse ?? parseWorkbook)(bytes, location);
  }

  /** Puts `bytes` at the location atomically (see replaceFile); returns the new version. */
  private async replaceFile(location: string, bytes: Uint8Array): Promise<string> {
    const path = this.resolve(location);
    await replaceFile(path, bytes, this.leftovers);
    if (this.options.counters) this.options.counters.sheetWrites++;
    return (await this.version(path)) ?? '';
  }

  /**
   * Writes the feedback tab into the unit's own file, patching only that tab's part (and, when the
   * tab is new, the entries that list it). Returns the new version only when the file was still
   * the one read at `readVersion` when it was patched, so a clerk's save made after the read is
   * never taken as already read. A save that lands while the patch is being made is not
   * overwritten: the patch starts again from the newer file.
   */
  async writeFeedback(location: string, tab: SheetTab, readVersion?: string): Promise<string | undefined> {
    const path = this.resolve(location);
    for (let attempt = 1; ; attempt++) {
      const before = await this.version(path);
      const bytes = await this.bytes(location);
      let patched: Uint8Array;
      try {
        patched = await patchSheet(bytes, tab);
      } catch (error) {
        throw new WorkbookReadError(location, MESSAGES.NOT_XLSX(notXlsxKind(bytes)), { cause: error });
      }
      if (attempt < 3 && (await this.version(path)) !== before) continue; // saved meanwhile: patch the new file
      const after = await this.replaceFile(location, patched);
      return before !== undefined && before === readVersion ? after : undefined;
    }
  }

  /**
   * A workbook thidua owns, rendered and put in place whole. With `keep`, the file it replaces is
   * set aside at that very instant and those tabs are read from it (see swapFile): what a council
   * saved in its file while thidua wrote is handed back, never overwritten unseen.
   */
  async writeOwnedWorkbook(
    location: string,
    model: WorkbookModel,
    options?: OwnedWriteOptions,
  ): Promise<OwnedWrite> {
    const bytes = await (this.options.work?.render ?? renderWorkbook)(model);
    const path = this.resolve(location);
    if (!options?.keep?.length) {
      await this.replaceFile(location, bytes);
      return { location: path };
    }
    const before = await swapFile(path, bytes, this.leftovers);
    if (this.options.counters) this.options.counters.sheetWrites++;
    if (!before) return { location: path };
    // A file that cannot be read (not a workbook any more) held no choice thidua could use.
    const grids = await (this.options.work?.parse ?? parseWorkbook)(before, location).catch(
      (): WorkbookGrids => ({}),
    );
    const kept = Object.fromEntries(
      options.keep.flatMap((t) => {
        const found = Object.keys(grids).find((title) => matchKey(title) === matchKey(t));
        return found ? [[t, grids[found] ?? []]] : [];
      }),
    );
    return { location: path, kept };
  }

  async createWorkbook(location: string, model: WorkbookModel): Promise<'created' | 'exists'> {
    if (await this.version(this.resolve(location))) return 'exists';
    await this.writeOwnedWorkbook(location, model);
    return 'created';
  }
}
