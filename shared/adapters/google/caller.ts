/**
 * Every Google call goes through here: paced to the per-minute quota (reads, writes and Drive each
 * on their own schedule), with an explicit timeout, and retried with exponential backoff and full
 * jitter on 429, 5xx, timeouts and dropped connections — for every method, POST included. The
 * client library's own retries are turned off: they skip POST and wait 100 ms–1.5 s, far shorter
 * than a per-minute quota window.
 */

import type { Clock } from '../../ports/clock.ts';
import type { Counters } from '../../ports/index.ts';
import { realClock } from '../os/clock.ts';

export type CallKind = 'read' | 'write' | 'drive';

export interface CallerOptions {
  /** Requests per minute per service account; Google's defaults for Sheets are 60 and 60. */
  readonly readsPerMinute?: number;
  readonly writesPerMinute?: number;
  readonly drivePerMinute?: number;
  readonly clock?: Clock;
  /** Real milliseconds one HTTP attempt may take. */
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  /** Backoff bounds, in clock milliseconds. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly counters?: Counters;
  readonly random?: () => number;
  /**
   * For a process that takes over the quota from another one at the same pace (a Lambda container
   * after the one before it, the propose function after the run's last worker): its first call
   * of each kind waits one interval, so the two never crowd a minute between them.
   */
  readonly handOver?: boolean;
}

/** Google did not answer usefully after every attempt: the workbook is retried next sync. */
export class GoogleUnavailableError extends Error {
  override readonly name = 'GoogleUnavailableError';
}

/** Google answered with an error that retrying cannot fix (400, 401, 403, 404). */
export class GoogleRequestError extends Error {
  override readonly name = 'GoogleRequestError';
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    options?: ErrorOptions & {
      /** For an API not enabled in the project: the console page that enables it. */
      activationUrl?: string | undefined;
    },
  ) {
    super(message, options);
    this.activationUrl = options?.activationUrl;
  }
  readonly activationUrl: string | undefined;
}

/** Google's reasons for an API not enabled in the caller's project (Drive v3's, and the newer ErrorInfo's). */
export const SERVICE_DISABLED_REASONS: ReadonlySet<string> = new Set([
  'accessNotConfigured',
  'SERVICE_DISABLED',
]);

/**
 * Keeps every sliding minute within the quota: a call may go once the call `perMinute` places
 * before it is a minute (plus 2%) old. Calls are spaced evenly while they keep up; one that comes
 * late (a busy event loop, a slow answer) does not push the rest back, since the next ones may
 * follow it more closely — at most four times the even pace — until the minute is full again, so
 * the quota is used, never exceeded. With `warmUp`, the minute before is taken as used at the
 * full even pace (another process at the same share may just have stopped): no burst at start.
 */
export class Pacer {
  /** Times of the last calls (at most `limit`), oldest first. */
  private readonly slots: number[] = [];
  private readonly limit: number;
  private readonly window: number;
  private readonly interval: number;
  constructor(
    perMinute: number,
    private readonly clock: Clock,
    private warmUp = false,
  ) {
    this.limit = Math.max(1, Math.floor(perMinute));
    // 2% margin so that latency jitter between here and the server does not tip a window over.
    this.window = 60_000 * 1.02;
    this.interval = this.window / this.limit;
  }
  async acquire(): Promise<void> {
    const now = this.clock.now();
    if (this.warmUp) {
      this.warmUp = false;
      for (let k = 1; k <= this.limit; k++) this.slots.push(now - this.window + k * this.interval);
    }
    const last = this.slots.at(-1);
    const oldest = this.slots.length >= this.limit ? this.slots[this.slots.length - this.limit] : undefined;
    const slot = Math.max(
      now,
      last === undefined ? now : last + this.interval / 4,
      oldest === undefined ? now : oldest + this.window,
    );
    this.slots.push(slot);
    if (this.slots.length > this.limit) this.slots.shift();
    if (slot > now) await this.clock.sleep(slot - now);
  }
}

interface ErrorShape {
  status?: number;
  code?: string | number;
  name?: string;
  message?: string;
  response?: {
    status?: number;
    data?: {
      error?: {
        status?: string;
        message?: string;
        errors?: { reason?: string }[];
        details?: {
          '@type'?: string;
          reason?: string;
          metadata?: { activationUrl?: string };
          links?: { url?: string }[];
        }[];
      };
    };
  };
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

export function classify(error: unknown): {
  retryable: boolean;
  status: number;
  reason: string;
  message: string;
  activationUrl?: string;
} {
  const e = (error ?? {}) as ErrorShape;
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : 0);
  const body = e.response?.data?.error;
  // An API not enabled: Sheets says so in an ErrorInfo detail (SERVICE_DISABLED, with the
  // activation page in its metadata); Drive v3 also in `errors[].reason` (accessNotConfigured).
  const info = body?.details?.find((d) => d.reason === 'SERVICE_DISABLED');
  const activationUrl =
    info?.metadata?.activationUrl ??
    (info ? body?.details?.flatMap((d) => d.links ?? []).find((l) => l.url)?.url : undefined);
  // Drive v3 names the reason in `errors[].reason` (storageQuotaExceeded, …); Sheets in `status`.
  const reason =
    body?.errors?.[0]?.reason ??
    (info ? 'SERVICE_DISABLED' : undefined) ??
    body?.status ??
    String(e.code ?? e.name ?? '');
  const message = body?.message ?? e.message ?? String(error);
  if (status === 429 || status >= 500) return { retryable: true, status, reason, message };
  // Drive reports rate limits as 403 with a rate-limit reason.
  if (status === 403 && /rate ?limit/i.test(message)) return { retryable: true, status, reason, message };
  if (status > 0)
    return { retryable: false, status, reason, message, ...(activationUrl ? { activationUrl } : {}) };
  const transient =
    TRANSIENT_CODES.has(String(e.code)) ||
    e.name === 'AbortError' ||
    e.name === 'TimeoutError' ||
    /socket hang up|timeout|aborted|network|ECONNRESET|terminated|other side closed/i.test(message);
  return { retryable: transient, status: 0, reason, message };
}

/** Options passed to every generated-client method: no built-in retry, an explicit timeout. */
export interface CallOptions {
  retry: false;
  timeout: number;
}

/** Time kept back from the invocation's deadline for storing and reporting what was done. */
export const DEADLINE_RESERVE_MS = 5_000;

export class GoogleCaller {
  readonly stats = { attempts: 0, retries: 0, throttled: 0 };
  private readonly pacers: Record<CallKind, Pacer>;
  /** Milliseconds (of this caller's clock) the current invocation has left; none outside Lambda. */
  private remaining: (() => number) | undefined;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(private readonly options: CallerOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.pacers = {
      read: new Pacer(options.readsPerMinute ?? 60, this.clock, options.handOver),
      write: new Pacer(options.writesPerMinute ?? 60, this.clock, options.handOver),
      drive: new Pacer(options.drivePerMinute ?? 600, this.clock, options.handOver),
    };
  }

  /**
   * Bounds every call and every retry by the time the invocation has left (Lambda's
   * `context.getRemainingTimeInMillis`), keeping `DEADLINE_RESERVE_MS` back: a call that cannot
   * finish in time is not started, and the unit is reported failed before the function is cut off.
   */
  setDeadline(remaining: (() => number) | undefined): void {
    this.remaining = remaining;
  }

  /** Time left for one more attempt (after the reserve), or Infinity without a deadline. */
  private left(): number {
    return this.remaining ? this.remaining() - DEADLINE_RESERVE_MS : Number.POSITIVE_INFINITY;
  }

  /**
   * One paced call, retried on transient failures. `attempts: 1` is for the rare call that is not
   * safe to repeat blindly (creating a file): the caller then looks before trying again.
   */
  async call<T>(kind: CallKind, fn: (options: CallOptions) => Promise<T>, attempts?: number): Promise<T> {
    const maxAttempts = attempts ?? this.options.maxAttempts ?? 7;
    const base = this.options.baseBackoffMs ?? 1000;
    const cap = this.options.maxBackoffMs ?? 64_000;
    const timeout = this.options.timeoutMs ?? 30_000;
    for (let attempt = 1; ; attempt++) {
      if (this.left() < Math.min(timeout, 2_000))
        throw new GoogleUnavailableError(`no time left in this invocation after ${attempt - 1} attempts`);
      await this.pacers[kind].acquire();
      const budget = Math.min(timeout, this.left());
      if (budget < Math.min(timeout, 1_000))
        throw new GoogleUnavailableError(`no time left in this invocation after ${attempt - 1} attempts`);
      this.stats.attempts++;
      const counters = this.options.counters;
      if (counters) {
        if (kind === 'write') counters.sheetWrites++;
        else counters.sheetReads++;
      }
      try {
        return await fn({ retry: false, timeout: Math.floor(budget) });
      } catch (error) {
        const c = classify(error);
        if (c.status === 429) this.stats.throttled++;
        if (!c.retryable)
          throw new GoogleRequestError(c.status, c.reason, c.message, {
            cause: error,
            activationUrl: c.activationUrl,
          });
        if (attempt >= maxAttempts)
          throw new GoogleUnavailableError(`no answer after ${attempt} attempts: ${c.message}`, {
            cause: error,
          });
        this.stats.retries++;
        // Full jitter: a random wait up to base × 2^attempt, capped (Google's recommended scheme).
        const wait = this.random() * Math.min(cap, base * 2 ** attempt);
        if (wait >= this.left())
          throw new GoogleUnavailableError(`no time left to retry after ${attempt} attempts: ${c.message}`, {
            cause: error,
          });
        await this.clock.sleep(wait);
      }
    }
  }
}
