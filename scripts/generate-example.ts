/**
 * Writes an example sector (registry + one score workbook per unit) as .xlsx files.
 *   npm run example -- [--dir DIR] [--units 30] [--people 600] [--seed 2024] [--clean] [--force]
 * Same options, same files: the generator is deterministic.
 */
import { EXAMPLE_DIR, ensureExample } from '../shared/app/context.ts';
import { EXAMPLE_DEFAULTS } from '../shared/example/generate.ts';
import { scriptArgs } from './args.ts';

const USAGE = `npm run example -- [--dir DIR] [--units 30] [--people 600] [--seed 2024] [--clean] [--force]
  Writes an example sector (registry + one score workbook per unit) as .xlsx files; same options, same files.
  --dir DIR      where (default .thidua/example)
  --units N      units (default 30)      --people N   people in all (default 600)
  --seed N       the generator's seed (default 2024)
  --clean        no mistakes in the workbooks (by default a few units carry some, as clerks make them)
  --force        write over a sector already there`;

const { values } = scriptArgs(USAGE, {
  options: {
    dir: { type: 'string', default: EXAMPLE_DIR },
    units: { type: 'string', default: String(EXAMPLE_DEFAULTS.units) },
    people: { type: 'string', default: String(EXAMPLE_DEFAULTS.people) },
    seed: { type: 'string', default: String(EXAMPLE_DEFAULTS.seed) },
    clean: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const written = await ensureExample(
  values.dir,
  {
    units: Number(values.units),
    people: Number(values.people),
    seed: Number(values.seed),
    withMistakes: !values.clean,
  },
  values.force,
);
console.log(
  written
    ? `example sector written to ${values.dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`
    : `${values.dir} already holds a registry; --force to overwrite`,
);
