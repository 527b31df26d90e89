/**
 * The floor of a first local run, as a process of its own: only reading every unit workbook of a
 * sector folder with exceljs, one after another, nothing else. `npm run bench` times it whole,
 * start-up to exit, beside `thidua run` on the same files.
 *   npx tsx scripts/read-floor.ts DIR      (the .xlsx files under DIR/bang-diem)
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const dir = join(process.argv[2] ?? '.', 'bang-diem');
let cells = 0;
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.xlsx')).sort()) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(join(dir, name))) as unknown as ArrayBuffer);
  workbook.eachSheet((sheet) => {
    cells += sheet.actualRowCount;
  });
}
process.stdout.write(`${cells}\n`);
