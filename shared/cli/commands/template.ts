/** `thidua template`: the registry workbook, then a score workbook per listed unit (never overwriting). */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSheets, resolveMovement } from '../../app/context.ts';
import { cellRef } from '../../domain/problems.ts';
import { movementKind } from '../../movement/files.ts';
import type { Catalog, Movement } from '../../movement/movement.ts';
import {
  type SheetSource,
  WorkbookInaccessibleError,
  WorkbookNotFoundError,
  WorkbookReadError,
} from '../../ports/index.ts';
import { registryWorkbookModel } from '../../present/registry-book.ts';
import { parseRegistry } from '../../present/registry-read.ts';
import { readSubmission } from '../../present/unit-book-read.ts';
import { unitWorkbookModel } from '../../present/unit-template.ts';
import { CLI_TEXT } from '../../text/console.ts';
import { REGISTRY_HEADERS, TABS } from '../../text/sheets.ts';
import { EXIT, help } from '../console.ts';
import { COMMON, sheetsOf, yearOf } from '../options.ts';
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
  const { movement, catalog, year } = await resolveMovement(values.movement, yearOf(values, sheets), source);
  if (
    (await sink.createWorkbook(registryLocation, registryWorkbookModel([]))) === 'created' &&
    sheets.kind === 'xlsx'
  ) {
    process.stdout.write(`${CLI_TEXT.templateRegistryCreated(registryLocation)}\n`);
    return 0;
  }
  const registry = parseRegistry(await source.readWorkbook(registryLocation, [TABS.registry]));
  for (const p of registry.problems) process.stdout.write(`${cellRef(p.tab, p.cell)}: ${p.message}\n`);
  if (registry.units.size === 0) {
    process.stdout.write(`${CLI_TEXT.templateNoUnits(registryLocation)}\n`);
    return EXIT.failure;
  }
  let created = 0;
  let existing = 0;
  const otherYear: string[] = [];
  // A row without a workbook that declares no staff (a council's own row) has nobody to assess.
  const unlisted = [...registry.units.values()].filter((u) => !u.workbook && u.headcount !== 0);
  for (const unit of registry.units.values()) {
    if (!unit.workbook) continue;
    try {
      const outcome = await sink.createWorkbook(
        unit.workbook,
        unitWorkbookModel({ movement, catalog, year, unit }),
      );
      if (outcome === 'created') created++;
      // A workbook already there counts as this year's only when it says so. Locally that is a file
      // read; on Google a read per spreadsheet at 60 a minute, so there the sync says it instead.
      else if (
        sheets.kind === 'xlsx' &&
        (await ofAnotherYear(source, unit.workbook, { movement, catalog, year, unit }))
      ) {
        otherYear.push(unit.code);
        process.stdout.write(`${CLI_TEXT.templateOtherYear(unit.code, unit.workbook, year)}\n`);
      } else existing++;
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
  if (unlisted.length)
    process.stdout.write(
      `${CLI_TEXT.templateUnlisted(
        REGISTRY_HEADERS.workbook,
        unlisted.map((u) => u.code),
      )}\n`,
    );
  // Nothing silent: a unit left without this year's workbook makes the command not done.
  if (!unlisted.length && !otherYear.length) return EXIT.done;
  if (created + existing > 0) return EXIT.partial;
  // Only other years' workbooks: this is not that year's registry (as `run` says it).
  return otherYear.length ? EXIT.usage : EXIT.failure;
}

/** Whether the workbook at `location` states another emulation year than `year` (its info tab). */
async function ofAnotherYear(
  source: SheetSource,
  location: string,
  ctx: { movement: Movement; catalog: Catalog; year: number; unit: { code: string } },
): Promise<boolean> {
  const grids = await source.readWorkbook(location, [TABS.info]);
  const read = readSubmission(grids, { ...ctx, expectedUnitCode: ctx.unit.code });
  return read.problems.some((p) => p.code === 'YEAR_MISMATCH');
}
