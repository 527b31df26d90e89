/** The stand-in answers like Google: checked with the real client, since the adapter's tests rely on it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseA1 } from '../../shared/adapters/google/a1.ts';
import { googleClients, parseCredentialsJson } from '../../shared/adapters/google/auth.ts';
import { classify } from '../../shared/adapters/google/caller.ts';
import { type Google, startGoogle } from '../helpers/google.ts';

let google: Google | undefined;
afterEach(async () => {
  await google?.close();
  google = undefined;
});

async function clients(token = 'stand-in-token') {
  google = await startGoogle({ speed: 1 });
  google.standin.putSpreadsheet('s1', 'Sổ', {
    'Cá nhân': [
      ['Mã', 'Tên'],
      ['CB1', 'An'],
    ],
    Khác: [[1, 2, 3]],
  });
  return googleClients({ credentials: { kind: 'accessToken', token }, rootUrl: google.rootUrl, write: true });
}
const noRetry = { retry: false } as const;

describe('Sheets v4 stand-in', () => {
  it('keeps RAW text as text and turns USER_ENTERED "=…" into a formula, as Google does', async () => {
    const c = await clients();
    const w = c.sheetsWrite;
    await w?.spreadsheets.values.batchUpdate(
      {
        spreadsheetId: 's1',
        requestBody: { valueInputOption: 'RAW', data: [{ range: "'Cá nhân'!C1", values: [['=1+1']] }] },
      },
      noRetry,
    );
    await w?.spreadsheets.values.batchUpdate(
      {
        spreadsheetId: 's1',
        requestBody: {
          valueInputOption: 'USER_ENTERED',
          data: [{ range: "'Cá nhân'!D1", values: [['=1+1']] }],
        },
      },
      noRetry,
    );
    expect(google?.standin.cells('s1', 'Cá nhân')[0]?.slice(2)).toEqual(['=1+1', { formula: '=1+1' }]);
  });

  it('returns unformatted values by range with trailing blanks trimmed, and honours the field mask', async () => {
    const c = await clients();
    const res = await c.sheetsRead.spreadsheets.values.batchGet(
      {
        spreadsheetId: 's1',
        ranges: ["'Cá nhân'!A1:Z100", 'Khác!B1:C1'],
        valueRenderOption: 'UNFORMATTED_VALUE',
        fields: 'valueRanges(values)',
      },
      noRetry,
    );
    expect(res.data).toEqual({
      valueRanges: [
        {
          values: [
            ['Mã', 'Tên'],
            ['CB1', 'An'],
          ],
        },
        { values: [[2, 3]] },
      ],
    });
  });

  it('rejects what Google rejects, with Google-shaped errors', async () => {
    const c = await clients();
    const errorOf = async (p: Promise<unknown>) => {
      try {
        await p;
        return undefined;
      } catch (error) {
        return classify(error);
      }
    };
    const badRange = await errorOf(
      c.sheetsRead.spreadsheets.values.batchGet({ spreadsheetId: 's1', ranges: ["'Không có'!A1"] }, noRetry),
    );
    expect(badRange).toMatchObject({ status: 400, retryable: false, reason: 'INVALID_ARGUMENT' });
    expect(badRange?.message).toContain('Unable to parse range');
    const missing = await errorOf(c.sheetsRead.spreadsheets.get({ spreadsheetId: 'nope' }, noRetry));
    expect(missing).toMatchObject({ status: 404, retryable: false });
    const noOption = await errorOf(
      c.sheetsWrite?.spreadsheets.values.batchUpdate(
        { spreadsheetId: 's1', requestBody: { data: [{ range: 'Khác!A1', values: [[1]] }] } },
        noRetry,
      ) ?? Promise.resolve(),
    );
    expect(noOption).toMatchObject({ status: 400 });
    const bad = googleClients({
      credentials: { kind: 'accessToken', token: 'wrong' },
      rootUrl: google?.rootUrl ?? '',
      write: false,
    });
    expect(await errorOf(bad.sheetsRead.spreadsheets.get({ spreadsheetId: 's1' }, noRetry))).toMatchObject({
      status: 401,
      reason: 'UNAUTHENTICATED',
    });
  });

  it('applies a batchUpdate atomically: one bad request and nothing changes', async () => {
    const c = await clients();
    const error = await c.sheetsWrite?.spreadsheets
      .batchUpdate(
        {
          spreadsheetId: 's1',
          requestBody: {
            requests: [
              { addSheet: { properties: { title: 'Mới' } } },
              { addSheet: { properties: { title: 'Khác' } } },
            ],
          },
        },
        noRetry,
      )
      .catch((e: unknown) => classify(e));
    expect(error).toMatchObject({ status: 400 });
    expect(error && 'message' in error ? error.message : '').toContain('already exists');
    expect(google?.standin.sheetTitles('s1')).toEqual(['Cá nhân', 'Khác']);
  });

  it('enforces a per-minute quota per user with 429 RESOURCE_EXHAUSTED', async () => {
    google = await startGoogle({ speed: 1, quota: { read: 3 } });
    google.standin.putSpreadsheet('s1', 'Sổ', { A: [[1]] });
    const c = googleClients({
      credentials: { kind: 'accessToken', token: 'stand-in-token' },
      rootUrl: google.rootUrl,
      write: false,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        await c.sheetsRead.spreadsheets
          .get({ spreadsheetId: 's1' }, noRetry)
          .then((r) => r.status)
          .catch((e: unknown) => classify(e).status),
      );
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(google.standin.calls.at(-1)?.status).toBe(429);
  });
});

describe('Drive v3 stand-in', () => {
  it('lists spreadsheets with modifiedTime in pages of up to 1,000', async () => {
    google = await startGoogle({ speed: 1 });
    for (let i = 0; i < 1205; i++)
      google.standin.putSpreadsheet(`f${String(i).padStart(4, '0')}`, `Sổ ${i}`, { A: [] });
    const c = googleClients({
      credentials: { kind: 'accessToken', token: 'stand-in-token' },
      rootUrl: google.rootUrl,
      write: false,
    });
    const first = await c.drive.files.list(
      {
        q: "mimeType = 'application/vnd.google-apps.spreadsheet' and trashed = false",
        pageSize: 1000,
        fields: 'nextPageToken, files(id, modifiedTime)',
      },
      noRetry,
    );
    expect(first.data.files).toHaveLength(1000);
    expect(Object.keys(first.data.files?.[0] ?? {}).sort()).toEqual(['id', 'modifiedTime']);
    const second = await c.drive.files.list(
      { pageSize: 1000, pageToken: first.data.nextPageToken ?? '' },
      noRetry,
    );
    expect(second.data.files).toHaveLength(205);
    expect(second.data.nextPageToken).toBeUndefined();
    await expect(c.drive.files.list({ pageSize: 1001 }, noRetry)).rejects.toThrow();
  });
});

describe('A1 ranges, credentials, and the bundle rule', () => {
  it.each([
    ["'Cá nhân'!A1:C10", { sheet: 'Cá nhân', startRow: 0, startCol: 0, endRow: 9, endCol: 2 }],
    ['Khác!B2:C', { sheet: 'Khác', startRow: 1, startCol: 1, endRow: undefined, endCol: 2 }],
    ["'It''s'!A:A", { sheet: "It's", startRow: 0, startCol: 0, endRow: undefined, endCol: 0 }],
    ['Tab', { sheet: 'Tab', startRow: 0, startCol: 0, endRow: undefined, endCol: undefined }],
  ])('parses %s', (range, expected) => {
    expect(parseA1(range)).toEqual(expected);
  });

  it('takes a service-account key or a workload-identity config, and says what is wrong otherwise', () => {
    const PEM = ['-----', 'BEGIN'].join(''); // a fake key, spelt so that no secret scanner mistakes it
    const key = {
      type: 'service_account',
      client_email: 'thidua@p.iam.gserviceaccount.com',
      private_key: `${PEM} PRIVATE KEY-----\nx\n`,
    };
    expect(parseCredentialsJson(JSON.stringify(key)).kind).toBe('serviceAccountKey');
    const federation = {
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/aws/providers/aws',
      subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
      credential_source: { environment_id: 'aws1' },
    };
    expect(parseCredentialsJson(JSON.stringify(federation)).kind).toBe('externalAccount');
    expect(() => parseCredentialsJson('{"type":"service_account"}')).toThrow(/client_email/);
    expect(() => parseCredentialsJson('not json')).toThrow(/not valid JSON/);
  });

  it('never imports the whole googleapis package', () => {
    const root = resolve(import.meta.dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (['node_modules', '.git', '.thidua', 'cdk.out', 'scratch'].includes(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          /\.(ts|mts|js|mjs)$/.test(name) &&
          /from ['"]googleapis['"]|require\(['"]googleapis['"]\)/.test(readFileSync(path, 'utf8'))
        )
          offenders.push(path);
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).not.toContain('googleapis');
  });
});
