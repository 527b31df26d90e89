/**
 * What the example sector's run writes, as a fingerprint to compare before and after a change
 * that should not change it (a refactor):
 *   npm run snapshot -- --out FILE.json          generate the example, run `thidua run` on it as of
 *                                                a fixed instant, fingerprint every file written
 *   npm run snapshot -- --compare A.json B.json  the files and parts that differ (exit 1 if any)
 * A fingerprint is the SHA-256 of each part of every `.xlsx` / `.docx` (the proposal workbooks,
 * the documents, the sector status, the units' workbooks with their feedback tabs) and of
 * report.json (its paths relative to the run's folder); then the same for `thidua run --example
 * --round midterm|final` (the round workbooks, their JSON output and exit code). Left out: the packages' own creation dates (`docProps/core.xml`), which the
 * libraries set from the clock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { scriptArgs } from './args.ts';

const USAGE = `npm run snapshot -- --out FILE.json | --compare BEFORE.json AFTER.json
  --out FILE.json      run the example (and its rounds) as of a fixed instant, fingerprint every file written
  --compare A.json B.json   the files and parts that differ (exit 1 if any)`;

const { values, positionals } = scriptArgs(USAGE, {
  options: { out: { type: 'string' }, compare: { type: 'boolean' } },
  allowPositionals: true,
});
const ROOT = new URL('..', import.meta.url).pathname;
const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex').slice(0, 16);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of files(dir).sort()) {
    const name = relative(dir, path);
    if (name.endsWith('.lock') || name.includes('/db/') || name.startsWith('db/')) continue;
    const bytes = readFileSync(path);
    if (/\.(xlsx|docx)$/.test(name)) {
      const zip = await JSZip.loadAsync(bytes);
      for (const part of Object.keys(zip.files).sort()) {
        if (zip.files[part]?.dir || part === 'docProps/core.xml') continue;
        out[`${name}!${part}`] = sha(await (zip.file(part)?.async('uint8array') ?? new Uint8Array()));
      }
    } else if (name.endsWith('.json')) out[name] = sha(bytes.toString('utf8').replaceAll(dir, '<dir>'));
  }
  return out;
}

if (values.compare) {
  const [a, b] = positionals.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>);
  if (!a || !b) throw new Error('--compare A.json B.json');
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differ = keys.filter((k) => a[k] !== b[k]);
  for (const k of differ) console.log(`${a[k] ? (b[k] ? 'differs' : 'only before') : 'only after'}  ${k}`);
  console.log(`${keys.length} parts compared, ${differ.length} differ`);
  process.exitCode = differ.length ? 1 : 0;
} else if (values.out) {
  const work = mkdtempSync(join(tmpdir(), 'thidua-snapshot-'));
  const example = join(work, 'sector');
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  execFileSync(tsx, [join(ROOT, 'scripts/generate-example.ts'), '--dir', example], { stdio: 'ignore' });
  const env = { ...process.env, THIDUA_NOW: '2025-06-10T08:00:00+07:00' };
  const registry = join(example, 'danh-muc-don-vi.xlsx');
  const run = ['run', '--registry', registry, '--store', join(work, 'db'), '--out', join(work, 'out')];
  execFileSync(tsx, [join(ROOT, 'shared/cli/main.ts'), ...run], { env, stdio: 'ignore' });
  // The mid-term and final rounds on the bundled example (earlier years, award history), as JSON too.
  for (const round of ['midterm', 'final']) {
    const args = [join(ROOT, 'shared/cli/main.ts'), 'run', '--example', '--round', round, '--json'];
    const result = spawnSync(tsx, args, { env, cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
    writeFileSync(join(work, `round-${round}.json`), `${result.stdout}\nexit ${result.status}\n`);
  }
  writeFileSync(String(values.out), `${JSON.stringify(await fingerprint(work), null, 1)}\n`);
  console.log(`fingerprint of ${work} written to ${values.out}`);
} else console.log('npm run snapshot -- --out FILE.json | --compare BEFORE.json AFTER.json');
