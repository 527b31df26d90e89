/** The stand-in's faults: those a test injects (the next matching requests), and random ones (chaos). */
import type { GoogleStandin } from './google-server.ts';
import {
  type CallKind,
  type Fault,
  type FaultKind,
  noPermission,
  quotaError,
  STORAGE_QUOTA_ERROR,
  serviceDisabledBody,
} from './standin-model.ts';

/** An error body as Google sends it (`{ error: … }` around it). */
type ErrorBody = { code: number } & Record<string, unknown>;

/**
 * Google's refusal of a request before it takes effect, as Google words it: no valid token (401),
 * the API not enabled in the project (403 SERVICE_DISABLED), a write into a spreadsheet the account
 * may only view, any Sheets call on one no longer shared with it (403).
 */
export function refusalOf(
  s: GoogleStandin,
  token: string,
  authorization: string | undefined,
  kind: CallKind,
  id: string | undefined,
): ErrorBody | undefined {
  if (authorization !== `Bearer ${token}`)
    return {
      code: 401,
      message: 'Request had invalid authentication credentials. Expected OAuth 2 access token.',
      status: 'UNAUTHENTICATED',
    };
  const api = kind === 'drive' ? 'drive' : 'sheets';
  if (s.disabledApis.has(api)) return serviceDisabledBody(api);
  const viewer = id !== undefined && kind === 'write' && s.books.get(id)?.role === 'reader';
  if (id && kind !== 'drive' && (viewer || s.revoked.has(id))) {
    const e = noPermission();
    return { code: e.code, message: e.message, status: e.status };
  }
  return undefined;
}

/** What an injected fault answers, for the faults that answer (not those that drop or delay). */
export function faultAnswer(fault: FaultKind | undefined, kind: CallKind): ErrorBody | undefined {
  if (fault === 'storageQuotaExceeded') return STORAGE_QUOTA_ERROR;
  if (fault === '429') return quotaError(kind);
  if (fault === '500' || fault === '503')
    return {
      code: Number(fault),
      message: 'The service is currently unavailable.',
      status: fault === '503' ? 'UNAVAILABLE' : 'INTERNAL',
    };
  return undefined;
}

export class FaultPlan {
  private readonly faults: Fault[] = [];
  private chaos:
    | { probability: number; kinds: FaultKind[]; random: () => number; delayMs: number }
    | undefined;
  /** How long the last `slow` fault waits, in real milliseconds. */
  slowDelay = 2000;

  inject(fault: Fault): void {
    this.faults.push({ count: 1, ...fault });
  }

  clear(): void {
    this.faults.length = 0;
  }

  setChaos(
    chaos: { probability: number; kinds: FaultKind[]; seed: number; delayMs?: number } | undefined,
  ): void {
    if (!chaos) {
      this.chaos = undefined;
      return;
    }
    let a = chaos.seed >>> 0;
    const random = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    this.chaos = {
      probability: chaos.probability,
      kinds: chaos.kinds,
      random,
      delayMs: chaos.delayMs ?? 2000,
    };
  }

  /** The fault the next request of this API and kind meets, if any. */
  next(api: string, kind: CallKind): FaultKind | undefined {
    const index = this.faults.findIndex(
      (f) => (f.count ?? 1) > 0 && (!f.kinds || f.kinds.includes(kind)) && (!f.api || f.api === api),
    );
    const fault = this.faults[index];
    if (fault) {
      fault.count = (fault.count ?? 1) - 1;
      if (fault.count <= 0) this.faults.splice(index, 1);
      this.slowDelay = fault.delayMs ?? 2000;
      return fault.kind;
    }
    if (this.chaos && this.chaos.random() < this.chaos.probability) {
      this.slowDelay = this.chaos.delayMs;
      return this.chaos.kinds[Math.floor(this.chaos.random() * this.chaos.kinds.length)];
    }
    return undefined;
  }
}
