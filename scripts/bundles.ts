/**
 * Builds every function's bundle as the CDK construct does and prints its size and its cold
 * import time (median of 5 fresh Node processes):   npm run bundles
 * Exits non-zero when a function is over the budget (issue 12: 500 KB, 100 ms).
 */
import { BUDGET } from '../infra/bundling.ts';
import { measureBundles } from './bundle-measure.ts';

console.log('function     size (min)   cold import (median of 5)   with --enable-source-maps');
const figures = await measureBundles();
for (const f of figures)
  console.log(
    `${f.name.padEnd(12)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KB   ${f.importMs.toFixed(0).padStart(5)} ms   ${f.importWithMapsMs.toFixed(0).padStart(5)} ms   ${f.within ? 'within budget' : 'OVER BUDGET'} (≤ ${BUDGET.bytes / 1024} KB, ≤ ${BUDGET.importMs} ms)`,
  );
process.exitCode = figures.every((f) => f.within) ? 0 : 1;
