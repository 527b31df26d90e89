/**
 * What the movement schema found wrong, as the office reads it: a rule's issue (MovementIssue, in
 * `params.movement`) in its own sentence; any other issue — a value of the wrong shape — by its
 * kind, never zod's English. Used for the movement workbook (placed at its cell) and a JSON file.
 */
import type { z } from 'zod';
import type { MovementIssue } from '../movement/movement.ts';
import { MOVEMENT_BOOK } from '../text/movement-book.ts';

const M = MOVEMENT_BOOK.messages;

export function movementIssueText(issue: z.ZodIssue): string {
  const params = 'params' in issue ? (issue.params as { movement?: MovementIssue } | undefined) : undefined;
  if (params?.movement) return M.issue(params.movement);
  return M.invalid(shapeText(issue));
}

function shapeText(issue: z.ZodIssue): string {
  const S = M.shape;
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? S.missing : S.wrongType;
    case 'too_small':
      return issue.type === 'array'
        ? S.tooFewItems(Number(issue.minimum))
        : S.tooSmall(Number(issue.minimum));
    case 'too_big':
      return S.tooBig(Number(issue.maximum));
    case 'invalid_enum_value':
      return S.oneOf(issue.options.map(String));
    case 'invalid_string':
      return S.format;
    default:
      return S.other;
  }
}
