/** The whole sector's size through validation and ranking, with generated data (no timing asserted). */
import { describe, expect, it } from 'vitest';
import { buildProposals } from '../../shared/domain/proposals.ts';
import type { Submission } from '../../shared/domain/submission.ts';
import { generateExample } from '../../shared/example/generate.ts';
import { readSubmission } from '../../shared/present/unit-book-read.ts';
import { catalog, gridsOf, movement, YEAR } from '../helpers/fixtures.ts';

describe('a sector of 1,000 units and 20,000 people', () => {
  it('validates every workbook and proposes within every council’s quota', () => {
    const sector = generateExample(movement, catalog, YEAR, {
      units: 1000,
      people: 20_000,
      seed: 7,
      withMistakes: false,
    });
    expect(sector.units.length).toBeGreaterThanOrEqual(990);
    const submissions = new Map<string, Submission>();
    for (const unit of sector.units) {
      const model = sector.workbooks.get(unit.workbook ?? '');
      if (!model) throw new Error(`no workbook for ${unit.code}`);
      const result = readSubmission(gridsOf(model), {
        movement,
        catalog,
        year: YEAR,
        expectedUnitCode: unit.code,
      });
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      if (result.submission) submissions.set(unit.code, result.submission);
    }
    const people = [...submissions.values()].reduce((sum, s) => sum + s.people.length, 0);
    expect(people).toBeGreaterThan(18_000);

    const councils = buildProposals({
      movement,
      year: YEAR,
      units: new Map(sector.units.map((u) => [u.code, u])),
      submissions,
    });
    let candidates = 0;
    for (const c of councils) {
      for (const s of [c.collectives, c.individuals])
        expect(s.proposed.length).toBeLessThanOrEqual(s.quota.quota);
      candidates +=
        c.individuals.proposed.length + c.individuals.tiedAtLine.length + c.individuals.notProposed.length;
    }
    expect(candidates).toBe(people); // everyone is ranked by exactly one council
  });
});
