/**
 * The whole job against Google's API, on this machine: starts the local stand-in of Sheets and
 * Drive, loads the example sector into it as spreadsheets, runs `thidua run --google` against it
 * with the real Google client, and shows where the proposal sheets can be read.
 *
 *   npm run demo:google [-- --serve] [-- --per-minute 600]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelGrids } from '../shared/adapters/memory/workbooks.ts';
import { DATA_DIR, resolveMovement } from '../shared/app/context.ts';
import { main } from '../shared/cli/main.ts';
import { generateExample } from '../shared/example/generate.ts';
import { registryWorkbookModel } from '../shared/present/registry-book.ts';
import { GoogleStandin } from '../test/support/google-server.ts';
import { scriptArgs } from './args.ts';

const USAGE = `npm run demo:google [-- --serve] [--per-minute 600]
  The whole job against the local stand-in of Sheets and Drive, with the real Google clients.
  --serve          keep the stand-in running afterwards, to look at the sheets
  --per-minute N   the stand-in's read and write quota per minute (default 600)`;

const { values } = scriptArgs(USAGE, {
  options: { serve: { type: 'boolean', default: false }, 'per-minute': { type: 'string', default: '600' } },
});
const TOKEN = 'demo-token';
const dir = join(DATA_DIR, 'google-demo');
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });

const perMinute = Number(values['per-minute']);
const standin = new GoogleStandin({ token: TOKEN, quota: { read: perMinute, write: perMinute } });
const rootUrl = await standin.start();

// The example sector, as the emulation office would have it in Google Drive.
const { movement, catalog, year } = await resolveMovement(undefined, undefined);
const sector = generateExample(movement, catalog, year);
const units = sector.units.map((u) => ({
  ...u,
  workbook:
    u.workbook && sector.workbooks.has(u.workbook) ? `ss-${u.code}` : u.workbook ? `ss-${u.code}` : null,
  proposalWorkbook: u.runsCouncil ? `ss-de-nghi-${u.code}` : null,
  // The office's sector status spreadsheet, named on the top unit's row.
  statusWorkbook: u.parentCode === null ? 'ss-tinh-hinh-nop' : null,
}));
standin.putSpreadsheet('ss-tinh-hinh-nop', 'Tình hình nộp bảng điểm', { 'Trang tính1': [] });
for (const unit of sector.units) {
  const model = unit.workbook ? sector.workbooks.get(unit.workbook) : undefined;
  if (model) standin.putSpreadsheet(`ss-${unit.code}`, `Bảng điểm ${unit.code}`, modelGrids(model));
  if (unit.runsCouncil)
    standin.putSpreadsheet(`ss-de-nghi-${unit.code}`, `Đề nghị khen thưởng — ${unit.name}`, {
      'Trang tính1': [],
    });
}
standin.putSpreadsheet('ss-registry', 'Danh mục đơn vị', modelGrids(registryWorkbookModel(units)));
console.log(
  `stand-in of Sheets v4 and Drive v3 at ${rootUrl} (token "${TOKEN}"), ${units.length} units loaded`,
);

// The token goes through the environment, never the command line (where `ps` shows it).
process.env.THIDUA_GOOGLE_ACCESS_TOKEN = TOKEN;
const code = await main([
  'run',
  '--google',
  '--registry-id',
  'ss-registry',
  '--google-root-url',
  rootUrl,
  '--reads-per-minute',
  String(perMinute),
  '--writes-per-minute',
  String(perMinute),
  '--store',
  join(dir, 'db'),
  '--out',
  join(dir, 'out'),
]);

// What the councils, and the office, now see in their spreadsheets.
for (const id of [
  ...units.flatMap((u) => (u.proposalWorkbook ? [u.proposalWorkbook] : [])),
  'ss-tinh-hinh-nop',
]) {
  const tabs = Object.fromEntries(standin.sheetTitles(id).map((t) => [t, standin.cells(id, t)]));
  await writeFile(join(dir, `${id}.json`), `${JSON.stringify(tabs, null, 2)}\n`);
}
const example = units.find((u) => u.code === 'TC')?.proposalWorkbook ?? '';
console.log(`
Proposal sheets, as the councils see them:
  - saved as JSON: ${join(dir, '<spreadsheet id>.json')} (one per council)
  - through the API, while the stand-in runs (--serve):
      curl -H 'Authorization: Bearer ${TOKEN}' '${rootUrl}v4/spreadsheets/${example}/values:batchGet?ranges=T%E1%BB%95ng%20h%E1%BB%A3p&ranges=C%C3%A1%20nh%C3%A2n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B'
  - feedback to a unit with mistakes: tab “Kiểm tra dữ liệu” of ss-T01-KV3
  - the sector status the office follows: ${join(dir, 'ss-tinh-hinh-nop.json')}
Requests the stand-in answered: ${standin.calls.length} (${standin.calls.filter((c) => c.status === 429).length} with 429).`);

if (values.serve) {
  console.log('Serving until Ctrl-C.');
  process.on('SIGINT', () => {
    void standin.close().then(() => process.exit(0));
  });
} else {
  await standin.close();
  process.exitCode = code;
}
