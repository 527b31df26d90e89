/**
 * Where a `thidua run`'s time goes, from a V8 CPU profile of the whole process (`node
 * --cpu-prof`): each sample is given to the step its stack shows — reading a workbook (exceljs
 * loading it, the zip and XML parsing under it), checking it against the criteria, the store,
 * the feedback tabs (a sheet patched into the unit's package), the proposal workbooks (exceljs
 * writing), the council documents (docx), garbage collection, start-up — the innermost marker
 * wins. Asynchronous continuations lose their callers: what is left is named by its package.
 * Used by `npm run bench`; by hand: npx tsx scripts/profile-breakdown.ts FILE.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Markers, innermost first within a stack; the first that a frame matches names the step. */
const STEPS: readonly (readonly [string, RegExp])[] = [
  ['garbage collection', /^\(garbage collector\)/],
  ['idle (waiting for files, the store, or a worker for its next task)', /atomicsWaitLoop/],
  ['feedback tabs (patching the unit packages)', /sheet-part\.ts|writeFeedback|patchSheet/],
  ['documents (docx)', /node_modules\/docx\/|adapters\/docx\//],
  [
    'proposal and status workbooks (exceljs writing)',
    /exceljs\/lib\/xlsx\/xlsx\.js.*\b(write|writeBuffer)\b|\b(writeBuffer|writeOwnedWorkbook|renderTab)\b/,
  ],
  [
    'read (exceljs loading, unzip, XML)',
    /exceljs\/lib\/xlsx\/xlsx\.js.*\bload\b|\b(readWorkbook|worksheetGrid|streamGrids|wholeGrids)\b/,
  ],
  ['check (validation against the criteria)', /present\/unit-book-|domain\/(submission|text)\.ts/],
  [
    'store (embedded DynamoDB)',
    /node_modules\/(dynalite|classic-level|abstract-level|level|@aws-sdk|@smithy)|adapters\/dynamodb\//,
  ],
  [
    'ranking and proposals (rules)',
    /domain\/(proposals|candidates|quota|council-choices)|usecases\/propose|present\/proposal/,
  ],
];
/** For samples with no marker (an async continuation): the package they run in. */
const PACKAGES: readonly (readonly [string, RegExp])[] = [
  ['read (exceljs loading, unzip, XML)', /node_modules\/(exceljs|saxes|sax)\//],
  [
    'zip and deflate (reading and writing packages)',
    /node_modules\/(jszip|pako|fflate|archiver|unzipper)\/| node:zlib$/,
  ],
  [
    'store (embedded DynamoDB)',
    /node_modules\/(dynalite|classic-level|abstract-level|level|@aws-sdk|@smithy)/,
  ],
  ['start-up (loading modules)', /node:internal\/modules|node_modules\/(tsx|esbuild)\//],
  ['idle (waiting for files, the store, or a worker for its next task)', /^\(idle\)|atomicsWaitLoop/],
];

export function breakdown(path: string): { step: string; seconds: number }[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i + 1] ?? 0;
    let step: string | undefined;
    let pkg: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined && !step; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame;
      if (!frame) break;
      const text = `${frame.functionName} ${frame.url}`;
      step = STEPS.find(([, re]) => re.test(text))?.[0];
      pkg ??= PACKAGES.find(([, re]) => re.test(text))?.[0];
    }
    const name = step ?? pkg ?? 'other (thidua, node)';
    time.set(name, (time.get(name) ?? 0) + micros);
  });
  return [...time]
    .map(([step, micros]) => ({ step, seconds: micros / 1e6 }))
    .sort((a, b) => b.seconds - a.seconds);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.on('error', () => process.exit(0)); // output cut short (| head): done
  const rows = breakdown(process.argv[2] ?? '');
  const total = rows.reduce((s, r) => s + r.seconds, 0);
  for (const r of rows)
    console.log(
      `${r.seconds.toFixed(1).padStart(6)} s  ${((100 * r.seconds) / total).toFixed(0).padStart(3)} %  ${r.step}`,
    );
}
