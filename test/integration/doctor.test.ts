/**
 * `thidua doctor --google` against the Google stand-in through the official clients: a sector set
 * up as a deployment needs it says it is ready (exit 0); each fault an office can make — an API
 * not enabled, a spreadsheet not shared or shared read-only, a documents folder outside a shared
 * drive, read-only or missing, the registry or history not shared — is named with its fix and
 * Google's own answer (exit 1). The stand-in answers each as Google does.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelGrids } from '../../shared/adapters/memory/workbooks.ts';
import { main } from '../../shared/cli/main.ts';
import type { RegistryUnit } from '../../shared/domain/registry.ts';
import { HISTORY_TABS } from '../../shared/present/history-read.ts';
import { registryWorkbookModel } from '../../shared/present/registry-book.ts';
import { type Google, seedSector, startGoogle, TOKEN } from '../helpers/google.ts';

let google: Google | undefined;
afterEach(async () => {
  await google?.close();
  google = undefined;
  vi.restoreAllMocks();
});

/**
 * A sector as a deployment needs it: council HD and `n` units, every spreadsheet shared with
 * edit rights, HD's documents folder in a shared drive the account may add files to, a history.
 */
async function deployment(n = 4, adjust = (u: RegistryUnit) => u) {
  google = await startGoogle({ speed: 400 });
  const seeded = seedSector(google.standin, n);
  const units: RegistryUnit[] = [...seeded.units.values()].map((u) =>
    adjust(u.runsCouncil ? { ...u, documentsFolder: 'folder-HD' } : u),
  );
  google.standin.putSpreadsheet('ss-registry', 'Danh mục', modelGrids(registryWorkbookModel(units)));
  google.standin.putSpreadsheet(
    'ss-history',
    'Lịch sử khen thưởng',
    Object.fromEntries(HISTORY_TABS.map((tab) => [tab, []])),
  );
  google.standin.putFolder('folder-HD', { name: 'Văn bản HD', driveId: 'drive-vp' });
  const dir = await mkdtemp(join(tmpdir(), 'thidua-doctor-'));
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, `${TOKEN}\n`);
  const args = [
    'doctor',
    '--google',
    '--registry-id',
    'ss-registry',
    '--history',
    'ss-history',
    '--access-token-file',
    tokenFile,
    '--google-root-url',
    google.rootUrl,
  ];
  return { standin: google.standin, args };
}

/** The command in this process, with what it printed. */
async function doctor(args: string[]) {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out };
}

describe('thidua doctor --google', () => {
  it('says a deployment set up as it should be is ready (exit 0), with the one caveat a fixed token brings', async () => {
    const { args } = await deployment();
    const { code, out } = await doctor(args);
    expect(out).toContain('Sẵn sàng: một lần chạy sẽ làm được (đã kiểm tra 5 bảng tính, 1 thư mục)');
    expect(out).not.toContain('✗');
    // A fixed token names no account: protections can only warn. Said, but a run still works.
    expect(out).toContain('! Không biết địa chỉ e-mail của tài khoản thidua dùng');
    expect(code).toBe(0);
  });

  it('writes nothing and costs a handful of calls: the registry, the history, one listing, one look per folder', async () => {
    const { standin, args } = await deployment(40);
    expect((await doctor(args)).code).toBe(0);
    expect(standin.calls.filter((c) => c.kind === 'write')).toEqual([]);
    expect(standin.count({ api: 'spreadsheets.get' })).toBe(2);
    expect(standin.count({ api: 'files.list' })).toBe(1);
    expect(standin.count({ api: 'files.get' })).toBe(1);
  });

  it.each([
    {
      fault: 'the Sheets API not enabled',
      plant: (s: Google['standin']) => s.disableApi('sheets'),
      says: [
        'Google Sheets API chưa được bật',
        'bật API tại https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123456789012',
        'gcloud services enable sheets.googleapis.com',
        'Google trả lời: 403 SERVICE_DISABLED',
      ],
    },
    {
      fault: 'the Drive API not enabled',
      plant: (s: Google['standin']) => s.disableApi('drive'),
      says: [
        'Google Drive API chưa được bật',
        'https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=123456789012',
        'Google trả lời: 403 accessNotConfigured',
      ],
    },
    {
      fault: 'a unit’s spreadsheet no longer shared',
      plant: (s: Google['standin']) => s.revoke('ss-U002'),
      says: [
        '✗ Đơn vị U002 — bảng điểm ss-U002: không tìm thấy, hoặc chưa chia sẻ',
        'Chia sẻ → thêm tài khoản dịch vụ của thidua với quyền Người chỉnh sửa',
      ],
    },
    {
      fault: 'a unit’s spreadsheet shared read-only',
      plant: (s: Google['standin']) => s.share('ss-U001', 'reader'),
      says: ['✗ Đơn vị U001 — bảng điểm ss-U001: tài khoản dịch vụ của thidua chỉ được xem'],
    },
    {
      fault: 'the council’s proposal spreadsheet shared read-only',
      plant: (s: Google['standin']) => s.share('ss-proposal-HD', 'reader'),
      says: [
        '✗ Hội đồng HD — bảng đề nghị khen thưởng ss-proposal-HD: tài khoản dịch vụ của thidua chỉ được xem',
      ],
    },
    {
      fault: 'the documents folder in someone’s My Drive',
      plant: (s: Google['standin']) => s.putFolder('folder-HD', { name: 'Văn bản HD' }),
      says: [
        '✗ Thư mục văn bản folder-HD (Hội đồng HD): nằm trong “Drive của tôi”',
        '(storageQuotaExceeded)',
        'chuyển thư mục vào một bộ nhớ dùng chung',
      ],
    },
    {
      fault: 'the documents folder shared with view rights only',
      plant: (s: Google['standin']) => s.putFolder('folder-HD', { driveId: 'drive-vp', canAdd: false }),
      says: [
        '✗ Thư mục văn bản folder-HD (Hội đồng HD): tài khoản dịch vụ của thidua không được thêm tệp',
        'insufficientFilePermissions',
        'Người đóng góp (Contributor)',
      ],
    },
    {
      fault: 'the documents folder not found',
      plant: (s: Google['standin']) => s.folders.delete('folder-HD'),
      says: [
        '✗ Thư mục văn bản folder-HD (Hội đồng HD): không tìm thấy, hoặc chưa chia sẻ',
        'Google trả lời: 404 notFound — File not found: folder-HD.',
      ],
    },
    {
      fault: 'the registry not shared',
      plant: (s: Google['standin']) => s.revoke('ss-registry'),
      says: ['✗ Không đọc được Danh mục đơn vị (ss-registry)', 'chia sẻ Danh mục cho'],
    },
    {
      fault: 'the history spreadsheet not shared',
      plant: (s: Google['standin']) => s.revoke('ss-history'),
      says: ['✗ Không đọc được Lịch sử khen thưởng (ss-history)'],
    },
  ])('names $fault with its fix, and exits 1', async ({ plant, says }) => {
    const { standin, args } = await deployment();
    plant(standin);
    const { code, out } = await doctor(args);
    for (const text of says) expect(out).toContain(text);
    expect(out).toMatch(/Chưa sẵn sàng: 1 lỗi phải sửa trước khi chạy/);
    expect(code).toBe(1);
  });

  it('looks at a few spreadsheets one by one, and says a wrong id as Google answers it (404)', async () => {
    const { standin, args } = await deployment(1, (u) =>
      u.code === 'U000' ? { ...u, workbook: 'ss-wrong-id' } : u,
    );
    const { code, out } = await doctor(args);
    expect(out).toContain('✗ Đơn vị U000 — bảng điểm ss-wrong-id: không tìm thấy, hoặc chưa chia sẻ');
    expect(standin.count({ api: 'files.list' })).toBe(0);
    expect(standin.count({ api: 'files.get', status: 404 })).toBe(1);
    expect(code).toBe(1);
  });

  it('names what a run then meets, as Google answers it: documents refused outside a shared drive, a run stopped by an API that is off', async () => {
    const { standin, args } = await deployment();
    standin.putFolder('folder-HD', { name: 'Văn bản HD' }); // someone's My Drive
    const doctorSays = await doctor(args);
    expect(doctorSays.out).toContain('(storageQuotaExceeded)');
    // The run: the proposal is written, the documents are refused with Drive's own reason.
    const store = await mkdtemp(join(tmpdir(), 'thidua-doctor-store-'));
    const runArgs = ['run', ...args.slice(1), '--store', store, '--out', join(store, 'out'), '--json'];
    const run = await doctor(runArgs);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.out) as { councils: { code: string; documentsError: string | null }[] };
    expect(report.councils.find((c) => c.code === 'HD')?.documentsError).toMatch(
      /không nằm trong một bộ nhớ dùng chung/,
    );
    expect(standin.count({ api: 'files.create', status: 403 })).toBe(1);
    // The Drive API turned off: one line with the page that enables it, not a line per unit.
    standin.disableApi('drive');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(runArgs)).toBe(1);
    const said = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(said).toContain('Lỗi: Google Drive API chưa được bật');
    expect(said).toContain('https://console.developers.google.com/apis/api/drive.googleapis.com/overview');
    expect(said.match(/chưa được bật/g)).toHaveLength(1);
  });

  it('warns of a pace above Google’s default quota without failing', async () => {
    const { args } = await deployment();
    const { code, out } = await doctor([...args, '--reads-per-minute', '300']);
    expect(out).toContain('! Nhịp 300 lượt đọc, 60 lượt ghi mỗi phút vượt hạn mức mặc định');
    expect(code).toBe(0);
  });

  it('--help says what it checks; without --google it says what to use instead (exit 2)', async () => {
    const help = await doctor(['doctor', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Cách dùng: thidua doctor --google');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['doctor'])).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('thidua doctor kiểm tra một triển khai trên Google');
  });
});
