/**
 * Fault 12: no test may depend on the machine's speed. Pacing is checked here on a clock that moves
 * only when the test advances it, so the same assertions hold on an idle or a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { GoogleCaller, Pacer } from '../../shared/adapters/google/caller.ts';
import { manualClock } from '../support/clocks.ts';

describe('pacing to the Sheets quota, on a virtual clock', () => {
  it('never lets a one-minute window hold more than the quota, however many callers ask at once', async () => {
    // Prepare
    const clock = manualClock();
    const pacer = new Pacer(60, clock);
    const sent: number[] = [];
    // Act: 200 callers ask at the same instant; the test moves time one second at a time.
    const all = Promise.all(
      Array.from({ length: 200 }, async () => {
        await pacer.acquire();
        sent.push(clock.now());
      }),
    );
    while (sent.length < 200) await clock.advance(1_000);
    await all;
    // Assess: at most 60 in any 60 s window, and no slower than the quota needs (2% margin).
    sent.sort((a, b) => a - b);
    for (let i = 60; i < sent.length; i++)
      expect((sent[i] ?? 0) - (sent[i - 60] ?? 0)).toBeGreaterThanOrEqual(60_000);
    const span = (sent.at(-1) ?? 0) - (sent[0] ?? 0);
    expect(span).toBeLessThanOrEqual(199 * 1_020 + 1_000);
  });

  it('keeps every minute within the quota when the workers hand the quota over to the propose function', async () => {
    const clock = manualClock();
    const sent: number[] = [];
    /** One process making `n` calls one after the other; the test moves time until all are done. */
    const calls = async (pacer: Pacer, n: number) => {
      for (let i = 0; i < n; i++) {
        await pacer.acquire();
        sent.push(clock.now());
      }
    };
    const run = async (...processes: Promise<void>[]) => {
      let done = false;
      const all = Promise.all(processes).then(() => {
        done = true;
      });
      while (!done) await clock.advance(50);
      await all;
    };
    const windowsHold = (times: number[]) =>
      [...times].sort((a, b) => a - b).every((t, i, sorted) => i < 60 || t - (sorted[i - 60] ?? 0) >= 60_000);
    // Two workers at half the quota each; new containers take their place; then the propose
    // function at all of the quota.
    const night = async (handOver: boolean) => {
      sent.length = 0;
      const worker = () => new Pacer(30, clock, handOver);
      await run(calls(worker(), 30), calls(worker(), 30));
      await run(calls(worker(), 30), calls(worker(), 30));
      await run(calls(new Pacer(60, clock, handOver), 90));
      return windowsHold(sent);
    };
    expect(await night(true)).toBe(true);
    expect(sent).toHaveLength(210);
    // Without the hand-over wait, the new containers' first calls crowd the minute before them.
    expect(await night(false)).toBe(false);
  });

  it('makes up for a call that came late (a busy process) without ever crowding a minute', async () => {
    const clock = manualClock();
    const pacer = new Pacer(60, clock);
    const sent: number[] = [];
    const caller = (async () => {
      for (let i = 0; i < 180; i++) {
        // Call 30 comes 20 s late: the process was busy elsewhere.
        if (i === 30) await clock.sleep(20_000);
        await pacer.acquire();
        sent.push(clock.now());
      }
    })();
    let done = false;
    void caller.then(() => {
      done = true;
    });
    while (!done) await clock.advance(50);
    for (let i = 60; i < sent.length; i++)
      expect((sent[i] ?? 0) - (sent[i - 60] ?? 0)).toBeGreaterThanOrEqual(60_000);
    // The 20 s lost are made up within the minutes after: the last call is where even pacing
    // without the pause would have put it (three minutes of quota for 180 calls), give or take a slot.
    expect(sent.at(-1) ?? 0).toBeLessThanOrEqual(Date.UTC(2025, 5, 1) + 180 * 1_020 + 1_000);
  });

  it('retries a throttled call after a backoff on the same clock, and gives up after the attempts allowed', async () => {
    const clock = manualClock();
    const caller = new GoogleCaller({ clock, maxAttempts: 3, baseBackoffMs: 1_000, random: () => 1 });
    const throttled = Object.assign(new Error('quota'), { response: { status: 429 } });
    let attempts = 0;
    const call = caller.call('read', async () => {
      attempts++;
      throw throttled;
    });
    const settled = call.then(
      () => 'resolved',
      (error: Error) => error.name,
    );
    await clock.advance(2_000); // first backoff: 1 000 × 2¹
    expect(attempts).toBe(2);
    await clock.advance(4_000); // second: 1 000 × 2²
    expect(await settled).toBe('GoogleUnavailableError');
    expect(attempts).toBe(3);
    expect(caller.stats.throttled).toBe(3);
  });
});
