/** The arithmetic of a round's results: exact mean shares over a common denominator, a person's yearly share, a blocking entry. */
import type { Catalog } from '../movement/movement.ts';
import type { Eligibility } from './eligibility.ts';
import { because, type Reason } from './reasons.ts';
import type { Person } from './submission.ts';
import { toHundredths } from './submission-schema.ts';

/** A pending discipline, inspection or complaint that blocks every form, as the reason. */
export function pendingOf(standards: ReadonlyMap<string, Eligibility>): Reason | null {
  const block = [...standards.values()].find((e) => e.block?.kind === 'pending')?.block;
  return block?.kind === 'pending' ? because('PENDING', block.what.join('; ')) : null;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The least common multiple of every yearly maximum: each mean becomes an exact fraction of small integers. */
export function commonDenominator(
  results: ReadonlyMap<string, ReadonlyMap<number, { max: number }>>,
): number {
  const maxes = new Set([...results.values()].flatMap((m) => [...m.values()].map((r) => r.max)));
  return [...maxes].reduce((l, m) => (l * m) / gcd(l, m), 1);
}

export function share(person: Person, catalog: Catalog): { points: number; max: number } {
  const items = catalog.individual.items.filter((item) => !item.leaderOnly || person.isLeader);
  return {
    points: items.reduce((sum, item) => sum + (person.scores[item.code] ?? 0), 0),
    max: items.reduce((sum, item) => sum + toHundredths(item.maxPoints), 0),
  };
}
