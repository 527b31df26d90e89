/**
 * A council's annual list as the report carries it and a publication (khóa sổ) freezes it: the
 * proposed, those tied at the line, those not proposed with the reason, and the council's choices.
 */
import { z } from 'zod';
import {
  type CouncilProposal,
  type RankedCandidate,
  type SubjectProposal,
  sharePercent,
} from '../domain/candidates.ts';
import { reasonText } from '../text/proposals.ts';

export const candidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitCode: z.string(),
  rank: z.number().int(),
  points: z.number(),
  max: z.number(),
  sharePercent: z.string(),
});

export const subjectSchema = z.object({
  base: z.number().int(),
  quota: z.number().int(),
  arithmetic: z.string(),
  awardForm: z.string(),
  proposed: z.array(candidateSchema),
  tiedAtLine: z.array(candidateSchema),
  placesForTied: z.number().int(),
  notProposed: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unitCode: z.string(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
});

/** A council's list as published and reported; `choices` (the tie decisions) since publications carry them. */
export const councilListSchema = z.object({
  code: z.string(),
  name: z.string(),
  collectives: subjectSchema,
  individuals: subjectSchema,
});
export type CouncilList = z.infer<typeof councilListSchema>;

const candidate = (c: RankedCandidate) => ({
  id: c.id,
  name: c.name,
  unitCode: c.unitCode,
  rank: c.rank,
  points: c.points / 100,
  max: c.max / 100,
  sharePercent: sharePercent(c),
});

const subject = (s: SubjectProposal) => ({
  base: s.quota.base,
  quota: s.quota.quota,
  arithmetic: s.quotaText,
  awardForm: s.awardForm,
  proposed: s.proposed.map(candidate),
  tiedAtLine: s.tiedAtLine.map(candidate),
  placesForTied: s.placesForTied,
  notProposed: s.notProposed.map((n) => ({
    id: n.candidate.id,
    name: n.candidate.name,
    unitCode: n.candidate.unitCode,
    code: n.code,
    reason: reasonText(n),
  })),
});

/** A council's list as the report and the published snapshot record it. */
export function councilSummary(c: CouncilProposal): CouncilList {
  return {
    code: c.code,
    name: c.name,
    collectives: subject(c.collectives),
    individuals: subject(c.individuals),
  };
}
