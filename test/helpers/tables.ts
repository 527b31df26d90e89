/** Reading the printed tables of a proposal workbook back: the heading lines, the header row, the body. */
import type { Cell } from '../../shared/domain/grid.ts';

type Grid = readonly (readonly Cell[])[];

/**
 * The table of a tab whose header row starts with `firstHeader`: the lines above it, its header,
 * and its body (until the first row with fewer than two cells: a note, the signature block, the end).
 */
export function tableOf(grid: Grid | undefined, firstHeader: string) {
  const rows = grid ?? [];
  const at = rows.findIndex((row) => row[0] === firstHeader);
  if (at < 0) throw new Error(`no header row starting with “${firstHeader}”`);
  const body: (readonly Cell[])[] = [];
  for (const row of rows.slice(at + 1)) {
    if (row.filter((c) => c !== null && c !== '').length < 2) break;
    body.push(row);
  }
  return {
    above: rows.slice(0, at).map((row) => row.filter((c) => c !== null && c !== '')),
    header: rows[at] ?? [],
    body,
    after: rows.slice(at + 1 + body.length),
  };
}

/** The problems a feedback tab lists, each with its continuation rows joined back: as a clerk reads them. */
export function feedbackProblems(grid: Grid | undefined) {
  const rows = grid ?? [];
  const header = rows.findIndex((row) => row[0] === 'STT');
  const problems: { level: string; cell: string; who: string; criterion: string; message: string }[] = [];
  const join = (a: string, b: Cell | undefined) =>
    b === null || b === undefined || b === '' ? a : `${a} ${b}`.trim();
  for (const row of rows.slice(header + 1)) {
    const last = problems.at(-1);
    if (typeof row[0] === 'number')
      problems.push({
        level: String(row[1] ?? ''),
        cell: String(row[2] ?? ''),
        who: String(row[3] ?? ''),
        criterion: String(row[4] ?? ''),
        message: String(row[5] ?? ''),
      });
    else if (last && row[0] === null) {
      last.who = join(last.who, row[3]);
      last.criterion = join(last.criterion, row[4]);
      last.message = join(last.message, row[5]);
    }
  }
  return problems;
}
