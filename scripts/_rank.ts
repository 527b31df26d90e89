import { modelGrids } from '../shared/adapters/memory/workbooks.ts';
import { loadMovement } from '../shared/config/load.ts';
import { catalogFor } from '../shared/config/movement.ts';
import { buildProposals } from '../shared/domain/proposals.ts';
import { readSubmission, type Submission } from '../shared/domain/submission.ts';
import { generateExample } from '../shared/example/generate.ts';

const YEAR = 2024;
const movement = await loadMovement();
const catalog = catalogFor(movement, YEAR);
if (!catalog) throw new Error();
const sector = generateExample(movement, catalog, YEAR, {
  units: 1000,
  people: 20000,
  seed: 7,
  withMistakes: false,
});
const submissions = new Map<string, Submission>();
for (const unit of sector.units) {
  const m = unit.workbook ? sector.workbooks.get(unit.workbook) : undefined;
  const r =
    m && readSubmission(modelGrids(m), { movement, catalog, year: YEAR, expectedUnitCode: unit.code });
  if (r?.submission) submissions.set(unit.code, r.submission);
}
const units = new Map(sector.units.map((u) => [u.code, u]));
const times: number[] = [];
for (let i = 0; i < 40; i++) {
  const t = performance.now();
  buildProposals({ movement, year: YEAR, units, submissions });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log('rank+quotas ms min', times[0]?.toFixed(0), 'median', times[20]?.toFixed(0));
