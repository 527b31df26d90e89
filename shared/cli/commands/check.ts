/** `thidua check`: one workbook validated, each problem with its cell. */

import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { XlsxWorkbooks } from '../../adapters/xlsx/workbooks.ts';
import { resolveMovement, UsageError } from '../../app/context.ts';
import { yearOfPath } from '../../app/office.ts';
import { hasErrors } from '../../domain/problems.ts';
import { matchKey } from '../../domain/text.ts';
import { parseRegistry } from '../../present/registry-read.ts';
import { readSubmission } from '../../present/unit-book-read.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { INFO_LABELS, TABS } from '../../text/sheets.ts';
import { UNIT_TABS } from '../../usecases/sync.ts';
import { help, problemLine } from '../console.ts';
import { COMMON, parseYear, runNow } from '../options.ts';
import { historyCheck } from './history.ts';

export async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, unit: { type: 'string' }, history: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.history && !values.help && positionals.length === 0)
    return historyCheck(values.history, values, runNow());
  if (values.help || positionals.length !== 1) return help('check', !values.help);
  const path = resolve(positionals[0] ?? '');
  // The year asked for, else the one the folder says (nam-2024/bang-diem/A.xlsx), else the movement's last.
  const year = parseYear(values.year) ?? yearOfPath(values.registry ?? path);
  const { movement, catalog, year: chosen } = await resolveMovement(values.movement, year);
  const workbooks = new XlsxWorkbooks({ baseDir: dirname(path) });
  let unitCode = values.unit?.toUpperCase();
  if (!unitCode && values.registry) {
    const registryPath = resolve(values.registry);
    const registry = parseRegistry(
      await new XlsxWorkbooks({ baseDir: dirname(registryPath) }).readWorkbook(registryPath, [TABS.registry]),
    );
    unitCode = [...registry.units.values()].find(
      (u) => u.workbook && resolve(dirname(registryPath), u.workbook) === path,
    )?.code;
    // The registry is what binds a workbook to a unit: one it does not list cannot be checked as sync would.
    if (!unitCode) throw new UsageError(CLI_TEXT.unknownUnit(basename(path)));
  }
  const bound = unitCode !== undefined;
  const grids = await workbooks.readWorkbook(path, UNIT_TABS);
  if (!unitCode) {
    // Without a registry the workbook's own code is the best guess; the binding is checked at sync.
    const info = Object.entries(grids).find(([name]) => matchKey(name) === matchKey(TABS.info))?.[1] ?? [];
    const row = info.find(
      (r) => typeof r[0] === 'string' && matchKey(r[0]) === matchKey(INFO_LABELS.unitCode),
    );
    unitCode = typeof row?.[1] === 'string' ? row[1].trim().toUpperCase() : undefined;
  }
  if (!unitCode) throw new UsageError(CLI_TEXT.unknownUnit(basename(path)));
  const result = readSubmission(grids, { movement, catalog, year: chosen, expectedUnitCode: unitCode });
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ unit: unitCode, accepted: !hasErrors(result.problems), unitCodeChecked: bound, problems: result.problems }, null, 2)}\n`,
    );
  else {
    process.stdout.write(
      `${errors ? CLI_TEXT.checkFailed(basename(path), errors, result.problems.length - errors) : bound ? CLI_TEXT.checkOk(basename(path)) : CLI_TEXT.checkOkUnbound(basename(path), unitCode)}\n`,
    );
    for (const p of result.problems) process.stdout.write(`${problemLine(p)}\n`);
  }
  return errors ? 1 : 0;
}
