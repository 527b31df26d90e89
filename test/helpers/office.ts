/**
 * What an office's people type into the workbooks thidua makes, as they would in Excel: the
 * registry's rows, a unit's people and scores. Each opens the file, sets cells by their header and
 * saves it (exceljs).
 */
import ExcelJS from 'exceljs';
import { REGISTRY_HEADERS } from '../../shared/text/sheets.ts';

const text = (cell: ExcelJS.Cell) =>
  cell.value === null || cell.value === undefined ? '' : String(cell.value);

/** Opens a workbook, lets `edit` change cells, and saves it. */
export async function editXlsx(path: string, edit: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  edit(book);
  await book.xlsx.writeFile(path);
}

/** A header row's columns by their text (1-based). */
function columnsOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, c) => {
    columns.set(text(cell), c);
  });
  return columns;
}

export type RegistryRow = Partial<Record<keyof typeof REGISTRY_HEADERS, ExcelJS.CellValue>>;

/** Types the registry's rows under its header, one unit a row. */
export async function fillRegistry(path: string, rows: readonly RegistryRow[]): Promise<void> {
  await editXlsx(path, (book) => {
    const sheet = book.getWorksheet('Đơn vị');
    if (!sheet) throw new Error('no registry tab');
    const columns = columnsOf(sheet);
    rows.forEach((values, i) => {
      for (const [key, value] of Object.entries(values)) {
        const c = columns.get(REGISTRY_HEADERS[key as keyof typeof REGISTRY_HEADERS]);
        if (c) sheet.getRow(2 + i).getCell(c).value = value;
      }
    });
  });
}

export interface PersonLine {
  readonly staffId: string;
  readonly name: string;
  readonly woman?: boolean;
  readonly leader?: boolean;
  readonly rating?: string;
  /** Points off the maximum of CN1 (others full marks). */
  readonly off?: number;
}

/**
 * A unit's clerk fills the score workbook: who filled it, the collective's self scores (each
 * criterion `collectiveOff` below its maximum), one row per person.
 */
export async function fillScores(
  path: string,
  people: readonly PersonLine[],
  collectiveOff = 1,
): Promise<void> {
  await editXlsx(path, (book) => {
    const info = book.getWorksheet('Thông tin');
    info?.eachRow((row) => {
      if (text(row.getCell(1)) === 'Người lập biểu') row.getCell(2).value = 'Lê Thị Thu';
    });
    const collective = book.getWorksheet('Tập thể');
    collective?.eachRow((row, r) => {
      const max = Number(row.getCell(3).value);
      if (r > 1 && Number.isFinite(max)) row.getCell(4).value = max - collectiveOff;
    });
    const sheet = book.getWorksheet('Cá nhân');
    if (!sheet) throw new Error('no people tab');
    const columns = columnsOf(sheet);
    people.forEach((p, i) => {
      const row = sheet.getRow(2 + i);
      const set = (header: string, value: ExcelJS.CellValue) => {
        const c = columns.get(header);
        if (c) row.getCell(c).value = value;
      };
      set('STT', i + 1);
      set('Mã cán bộ', p.staffId);
      set('Họ và tên', p.name);
      set('Chức vụ', p.leader ? 'Viện trưởng' : 'Kiểm sát viên');
      set('Lãnh đạo, quản lý', p.leader ? 'Có' : 'Không');
      set('Giới tính', p.woman ? 'Nữ' : 'Nam');
      set('Xếp loại', p.rating ?? 'Hoàn thành tốt nhiệm vụ');
      set('Kỷ luật trong kỳ', 'Không');
      for (const [header, c] of columns) {
        const m = /^(CN\d) \(tối đa (\d+) điểm\)$/.exec(header);
        if (!m || (m[1] === 'CN8' && !p.leader)) continue;
        row.getCell(c).value = Number(m[2]) - (m[1] === 'CN1' ? (p.off ?? 0) : 0);
      }
    });
  });
}
