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
