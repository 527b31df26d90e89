/** The Google stand-in, driven by the official Google clients, on a clock tests can speed up. */

import type { drive_v3 } from '@googleapis/drive';
import { googleClients } from '../../shared/adapters/google/auth.ts';
import { type CallerOptions, GoogleCaller } from '../../shared/adapters/google/caller.ts';
import { GoogleDocuments } from '../../shared/adapters/google/documents.ts';
import { GoogleWorkbooks } from '../../shared/adapters/google/workbooks.ts';
import type { Registry, RegistryUnit } from '../../shared/domain/registry.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { spedUpClock } from '../support/clocks.ts';
import { GoogleStandin, type StandinOptions } from '../support/google-server.ts';
import { type PersonRow, unit, unitGrids } from './fixtures.ts';

export const TOKEN = 'stand-in-token';

export interface Google {
  readonly standin: GoogleStandin;
  readonly rootUrl: string;
  readonly clock: Clock;
  /** With `serviceAccountEmail`, protections name that account as their only editor (as a key gives it). */
  workbooks(
    options?: Partial<CallerOptions>,
    serviceAccountEmail?: string,
  ): { workbooks: GoogleWorkbooks; caller: GoogleCaller };
  /** The councils' documents as Google Docs, and a Drive client to read them back. */
  documents(): { documents: GoogleDocuments; drive: drive_v3.Drive };
  close(): Promise<void>;
}

export async function startGoogle(
  options: { speed?: number; quota?: StandinOptions['quota'] } = {},
): Promise<Google> {
  const clock = spedUpClock(options.speed ?? 100);
  const standin = new GoogleStandin({
    token: TOKEN,
    clock,
    ...(options.quota ? { quota: options.quota } : {}),
  });
  const rootUrl = await standin.start();
  const clients = googleClients({ credentials: { kind: 'accessToken', token: TOKEN }, rootUrl, write: true });
  return {
    standin,
    rootUrl,
    clock,
    workbooks(callerOptions = {}, serviceAccountEmail = undefined) {
      const caller = new GoogleCaller({ clock, timeoutMs: 2_000, ...callerOptions });
      const withEmail = serviceAccountEmail ? { ...clients, serviceAccountEmail } : clients;
      return { workbooks: new GoogleWorkbooks({ clients: withEmail, caller }), caller };
    },
    documents() {
      const drive = clients.driveWrite;
      if (!drive) throw new Error('no writer');
      const caller = new GoogleCaller({ clock, timeoutMs: 2_000 });
      return { documents: new GoogleDocuments({ drive, caller, rootUrl }), drive };
    },
    close: () => standin.close(),
  };
}

export const peopleOf = (code: string, n = 5, best = 10): PersonRow[] =>
  Array.from({ length: n }, (_, i) => ({
    staffId: `${code}-${i}`,
    name: `Nguyễn Văn ${code} ${i}`,
    scores: [20, 20, 15, 15, 15, 5, Math.max(0, best - i), null],
  }));

/** A council HD with `n` units under it, each a spreadsheet `ss-<code>` in the stand-in. */
export function seedSector(
  standin: GoogleStandin,
  n: number,
  people = (code: string) => peopleOf(code),
): Registry {
  const units: RegistryUnit[] = [
    unit('HD', { runsCouncil: true, headcount: 10 * n, workbook: null, proposalWorkbook: 'ss-proposal-HD' }),
  ];
  for (let i = 0; i < n; i++) {
    const code = `U${String(i).padStart(3, '0')}`;
    units.push(unit(code, { parentCode: 'HD', headcount: 10, workbook: `ss-${code}` }));
    standin.putSpreadsheet(`ss-${code}`, `Bảng điểm ${code}`, unitGrids(code, people(code)));
  }
  standin.putSpreadsheet('ss-proposal-HD', 'Đề nghị khen thưởng — HD', { 'Trang tính1': [] });
  return { units: new Map(units.map((u) => [u.code, u])), problems: [] };
}
