/**
 * Builds every function's bundle as the CDK construct does, and a reference bundle of only the
 * official clients it uses, and prints their sizes and cold imports (median of 15 fresh Node
 * processes each, in pairs; the ratio is the median of the pairs' ratios):   npm run bundles
 * Exits non-zero when a function is over the budget (issue 20: ≤ 3 MB, and its cold import
 * ≤ 1.25 × its reference's).
 */
import { BUDGET } from '../infra/bundling.ts';
import { measureBundles } from './bundle-measure.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0).padStart(6)} KB`;
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
console.log(
  `function     size (min)   cold import   reference: size   cold import   ratio   budget: ≤ ${BUDGET.bytes / 1024 / 1024} MB, ratio ≤ ${BUDGET.importRatio}`,
);
const figures = await measureBundles();
for (const f of figures)
  console.log(
    `${f.name.padEnd(12)} ${kb(f.bytes)}   ${ms(f.importMs)}      ${kb(f.referenceBytes)}      ${ms(f.referenceMs)}   ${f.ratio.toFixed(2).padStart(5)}   ${f.within ? 'within budget' : 'OVER BUDGET'}`,
  );
process.exitCode = figures.every((f) => f.within) ? 0 : 1;
