/** A unit's accepted submission as content: its canonical form and its hash (equal data, equal hash). */
import { createHash } from 'node:crypto';
import type { Submission } from './submission-schema.ts';

/** Row order is not meaning: people are kept sorted by staff id, so equal content hashes equally. */
export function canonicalSubmission(submission: Submission): Submission {
  return { ...submission, people: [...submission.people].sort((a, b) => (a.staffId < b.staffId ? -1 : 1)) };
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Content hash of the canonical submission: equal data (in any row order), equal hash. */
export function submissionHash(submission: Submission): string {
  return createHash('sha256')
    .update(stableStringify(canonicalSubmission(submission)))
    .digest('hex')
    .slice(0, 32);
}

export type {
  Person,
  ReadContext,
  ReadResult,
  Submission,
} from './submission-schema.ts';

export {
  hundredths,
  personSchema,
  submissionSchema,
} from './submission-schema.ts';
export { stableStringify };
