/** `thidua template`: the registry workbook, then a score workbook per listed unit (never overwriting). */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSheets, resolveMovement } from '../../app/context.ts';
import { cellRef } from '../../domain/problems.ts';
import { movementKind } from '../../movement/files.ts';
import { WorkbookInaccessibleError, WorkbookNotFoundError, WorkbookReadError } from '../../ports/index.ts';
import { registryWorkbookModel } from '../../present/registry-book.ts';
import { parseRegistry } from '../../present/registry-read.ts';
import { unitWorkbookModel } from '../../present/unit-template.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { TABS } from '../../text/sheets.ts';
import { help } from '../console.ts';
import { COMMON, parseYear, sheetsOf } from '../options.ts';
import { historyTemplate } from './history.ts';
import { movementCommand } from './movement.ts';

export async function template(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, history: { type: 'string' } }, strict: true });
  if (values.help) return help('template');
  if (values.history) return historyTemplate(values.history);
  // A movement workbook named but not there yet: write it (from the default plan) for the office to edit.
  if (values.movement && movementKind(values.movement) === 'xlsx' && !existsSync(resolve(values.movement)))
    return movementCommand(['template', values.movement]);
  const sheets = await sheetsOf(values);
  const { source, sink, registryLocation } = openSheets(sheets);
  const { movement, catalog, year } = await resolveMovement(values.movement, parseYear(values.year), source);
  if (
    (await sink.createWorkbook(registryLocation, registryWorkbookModel([]))) === 'created' &&
    sheets.kind === 'xlsx'
  ) {
    process.stdout.write(`${CLI_TEXT.templateRegistryCreated(registryLocation)}\n`);
    return 0;
  }
  const registry = parseRegistry(await source.readWorkbook(registryLocation, [TABS.registry]));
  for (const p of registry.problems) process.stdout.write(`${cellRef(p.tab, p.cell)}: ${p.message}\n`);
  let created = 0;
  let existing = 0;
  for (const unit of registry.units.values()) {
    if (!unit.workbook) continue;
    try {
      const outcome = await sink.createWorkbook(
        unit.workbook,
        unitWorkbookModel({ movement, catalog, year, unit }),
      );
      if (outcome === 'created') created++;
      else existing++;
    } catch (error) {
      // One unit's spreadsheet (not shared, deleted) never stops the others.
      if (
        !(
          error instanceof WorkbookNotFoundError ||
          error instanceof WorkbookReadError ||
          error instanceof WorkbookInaccessibleError
        )
      )
        throw error;
      process.stdout.write(
        `${CLI_TEXT.templateFailed(unit.code, error instanceof WorkbookNotFoundError ? CLI_TEXT.fileMissing(unit.workbook) : error.detail)}\n`,
      );
    }
  }
  process.stdout.write(`${CLI_TEXT.templateCreated(created, existing)}\n`);
  return 0;
}
