/**
 * The forms of a round by the council's ranking: the proposed list is split top-down into tiers,
 * the highest form for the first places, then the next (the movement file's `formTiers`). Equal
 * results get the same form: a group tied across a tier's line goes to the next tier, and the
 * council sees why. A sector-wide limit the central council announced is shared among the councils
 * in proportion to what their tiers give (largest remainder), the rest going one tier down.
 * One candidate, one form (Luật Thi đua, khen thưởng 2022, Điều 5.2): each gets exactly one.
 */
import type { Campaign, FormTier, Subject } from '../movement/movement.ts';

/** Why a candidate's suggested form is below the one its place gives. */
export interface StepDown {
  /** The form its place in the list would give. */
  readonly from: string;
  readonly why: 'tie' | 'sectorLimit' | 'standard';
}

/** A tier's size for a list of `n`: its count, or its share of n; null takes the rest. */
export function tierSize(tier: FormTier, n: number): number | null {
  if (tier.count !== undefined) return Math.min(tier.count, n);
  if (!tier.share) return null;
  const exact = Math.floor((n * tier.share.numerator) / tier.share.denominator);
  return tier.rounding === 'atLeastOne' && n > 0 && tier.share.numerator > 0 ? Math.max(1, exact) : exact;
}

/** The tiers of a subject in a round, highest first; none when the movement sets none. */
export function tiersOf(campaign: Campaign, subject: Subject): FormTier[] {
  return campaign.formTiers.filter((t) => t.subject === subject);
}

/**
 * Forms for a ranked list (in rank order; `rank` by competition ranking, so ties share one):
 * candidate id → the form its place gives, and whether a tie at a tier's line moved it down.
 * Without tiers every candidate gets `fallback` (the round's first form).
 */
export function assignTiers(
  ranked: readonly { id: string; rank: number | null }[],
  tiers: readonly FormTier[],
  fallback: string,
): Map<string, { form: string; stepDown: StepDown | null }> {
  const out = new Map<string, { form: string; stepDown: StepDown | null }>();
  if (!tiers.length) {
    for (const c of ranked) out.set(c.id, { form: fallback, stepDown: null });
    return out;
  }
  const sizes = tiers.map((t) => tierSize(t, ranked.length));
  const groups: { rank: number | null; ids: string[] }[] = [];
  for (const c of ranked) {
    const last = groups.at(-1);
    if (last && c.rank !== null && last.rank === c.rank) last.ids.push(c.id);
    else groups.push({ rank: c.rank, ids: [c.id] });
  }
  let tier = 0;
  let left = sizes[0] ?? null;
  let tiedOut: string | null = null;
  for (const group of groups) {
    // Next tier while this group does not fit whole in what is left of the current one.
    while (tier < tiers.length - 1 && left !== null && group.ids.length > left) {
      if (left > 0) tiedOut = tiers[tier]?.form ?? null;
      tier++;
      left = sizes[tier] ?? null;
    }
    const form = tiers[tier]?.form ?? fallback;
    for (const id of group.ids)
      out.set(id, { form, stepDown: tiedOut ? { from: tiedOut, why: 'tie' } : null });
    tiedOut = null;
    if (left !== null) left -= group.ids.length;
  }
  return out;
}

/**
 * Shares a sector-wide limit of a form among councils: each council's count of that form (in
 * council order) → how many it keeps. Proportional, largest remainder; ties by council order.
 */
export function shareLimit(counts: readonly number[], limit: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= limit) return [...counts];
  const quotas = counts.map((c) => (c * limit) / total);
  const kept = quotas.map(Math.floor);
  let left = limit - kept.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, rest: q - Math.floor(q) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if ((kept[i] ?? 0) < (counts[i] ?? 0)) {
      kept[i] = (kept[i] ?? 0) + 1;
      left--;
    }
  }
  return kept;
}

/** What `applySectorLimits` needs of a round's entries (the round's own types, structurally). */
interface TieredEntry {
  readonly candidate: { readonly id: string };
  readonly rank: number | null;
  readonly suggested: string | null;
  readonly form: string | null;
  readonly choice: string | null;
  readonly stepDown: StepDown | null;
}
interface TieredCouncil<E extends TieredEntry> {
  readonly lists: readonly { readonly subject: Subject; readonly entries: readonly E[] }[];
}

/**
 * The sector-wide limits of a round's tiers, applied across the councils (in their order): a
 * form suggested more often than its limit keeps the council's top places in proportion, and the
 * others get the next tier's form. A council's own choice is never changed.
 */
export function applySectorLimits<E extends TieredEntry, C extends TieredCouncil<E>>(
  councils: readonly C[],
  campaign: Campaign,
): C[] {
  let result = [...councils];
  for (const subject of ['individual', 'collective'] as const) {
    const tiers = tiersOf(campaign, subject);
    tiers.forEach((tier, index) => {
      const next = tiers[index + 1]?.form;
      if (tier.sectorLimit === undefined || !next) return;
      const holders = result.map((c) =>
        (c.lists.find((l) => l.subject === subject)?.entries ?? [])
          .filter((e) => e.suggested === tier.form)
          .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER)),
      );
      const kept = shareLimit(
        holders.map((h) => h.length),
        tier.sectorLimit,
      );
      result = result.map((council, i) => {
        const moved = new Set((holders[i] ?? []).slice(kept[i] ?? 0).map((e) => e.candidate.id));
        if (!moved.size) return council;
        return {
          ...council,
          lists: council.lists.map((list) =>
            list.subject !== subject
              ? list
              : {
                  ...list,
                  entries: list.entries.map((e) =>
                    moved.has(e.candidate.id)
                      ? {
                          ...e,
                          suggested: next,
                          form: e.choice === null && e.form !== null ? next : e.form,
                          stepDown: e.stepDown ?? { from: tier.form, why: 'sectorLimit' },
                        }
                      : e,
                  ),
                },
          ),
        };
      });
    });
  }
  return result;
}
