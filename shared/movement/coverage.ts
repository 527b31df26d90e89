/**
 * The movement's emulation years and what must cover each of them: the years of its period, a
 * year's bounds, the policy in force at a year's end, and the gaps a movement file may leave
 * (checked by the movement schema, so that `movement check` refuses what `template` or `run`
 * would). Typed on the shapes it reads, so the schema can use it before the movement exists.
 */
import { movementIssue } from './basics.ts';

interface Dated {
  readonly validFrom: string;
  readonly validTo: string;
}

/** What the coverage of a movement's years is read from. */
export interface CoverageInput {
  readonly period: { readonly from: string; readonly to: string };
  readonly emulationYear: { readonly startMonth: number; readonly startDay: number };
  readonly catalogs: readonly { readonly fromYear: number; readonly toYear: number }[];
  readonly quotaPolicies: readonly Dated[];
  readonly eligibilityPolicies: readonly Dated[];
  readonly campaigns: readonly {
    readonly kind: string;
    readonly fromYear: number;
    readonly toYear: number;
  }[];
}

/** An emulation year is named by the calendar year it starts in: 2024 runs 01/06/2024 – 31/05/2025. */
export function emulationYearBounds(
  movement: Pick<CoverageInput, 'emulationYear'>,
  year: number,
): { from: string; to: string } {
  const { startMonth, startDay } = movement.emulationYear;
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${year}-${pad(startMonth)}-${pad(startDay)}`;
  const end = new Date(Date.UTC(year + 1, startMonth - 1, startDay - 1));
  return { from, to: end.toISOString().slice(0, 10) };
}

/** Policies are chosen by the last day of the emulation year: the rule in force when it is assessed. */
export function inForce<T extends { validFrom: string; validTo: string }>(
  policies: readonly T[],
  date: string,
) {
  return policies.find((policy) => policy.validFrom <= date && date <= policy.validTo);
}

/** The emulation years of the movement's period, by the calendar year each starts in. */
export function yearsOf(movement: Pick<CoverageInput, 'period'>): number[] {
  const first = Number(movement.period.from.slice(0, 4));
  const last = Number(movement.period.to.slice(0, 4)) - 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * What every later step needs for each emulation year of the period — a criteria catalog
 * (templates, checks), a quota and an eligibility policy in force (proposals), an annual round
 * (its award form) — and rounds whose years lie inside the period. Each gap is placed where the
 * office extends it: the last catalog's, policy's or round's end.
 */
export function coverageGaps(movement: CoverageInput) {
  const years = yearsOf(movement);
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  const annual = movement.campaigns.findIndex((c) => c.kind === 'annual');
  const missing = (has: (year: number) => boolean) => years.filter((year) => !has(year));
  const gaps = [
    {
      rule: 'noCatalog' as const,
      years: missing((y) => movement.catalogs.some((c) => c.fromYear <= y && y <= c.toYear)),
      path: ['catalogs', movement.catalogs.length - 1, 'toYear'],
    },
    {
      rule: 'noQuota' as const,
      years: missing(
        (y) => inForce(movement.quotaPolicies, emulationYearBounds(movement, y).to) !== undefined,
      ),
      path: ['quotaPolicies', movement.quotaPolicies.length - 1, 'validTo'],
    },
    {
      rule: 'noEligibility' as const,
      years: missing(
        (y) => inForce(movement.eligibilityPolicies, emulationYearBounds(movement, y).to) !== undefined,
      ),
      path: ['eligibilityPolicies', movement.eligibilityPolicies.length - 1, 'validTo'],
    },
    {
      rule: 'noAnnualRound' as const,
      years: missing((y) =>
        movement.campaigns.some((c) => c.kind === 'annual' && c.fromYear <= y && y <= c.toYear),
      ),
      path: ['campaigns', Math.max(0, annual), 'toYear'],
    },
  ];
  const issues = gaps
    .filter((gap) => gap.years.length > 0)
    .map((gap) =>
      movementIssue(
        `no ${gap.rule.slice(2)} for emulation years ${gap.years.join(', ')}`,
        { rule: gap.rule, years: gap.years },
        gap.path,
      ),
    );
  movement.campaigns.forEach((c, i) => {
    if (c.fromYear < first || c.toYear > last)
      issues.push(
        movementIssue(
          `campaign ${c.kind} (${c.fromYear}–${c.toYear}) lies outside the period (${first}–${last})`,
          { rule: 'roundOutsidePeriod', from: c.fromYear, to: c.toYear, first, last },
          ['campaigns', i, c.toYear > last ? 'toYear' : 'fromYear'],
        ),
      );
  });
  return issues;
}
