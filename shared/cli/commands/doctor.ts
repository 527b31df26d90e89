/** `thidua doctor --google`: what a run needs from Google, checked; each problem with its fix. Nothing is written. */

import { parseArgs } from 'node:util';
import { openSetupCheck, UsageError } from '../../app/context.ts';
import { DEFAULT_SHEETS_PER_MINUTE, isSetupError } from '../../domain/setup.ts';
import { DOCTOR_TEXT, findingText } from '../../text/doctor.ts';
import { diagnose } from '../../usecases/doctor.ts';
import { EXIT, help } from '../console.ts';
import { COMMON, sheetsOf } from '../options.ts';

export async function doctor(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, history: { type: 'string' } },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) return help('doctor');
  if (!values.google) throw new UsageError(DOCTOR_TEXT.needsGoogle());
  const sheets = await sheetsOf(values);
  if (sheets.kind !== 'google') throw new UsageError(DOCTOR_TEXT.needsGoogle());
  const diagnosis = await diagnose(openSetupCheck(sheets), {
    registryLocation: sheets.registryId,
    historyLocation: values.history,
    sharedDriveFolder: sheets.sharedDriveFolderId,
    pace: {
      readsPerMinute: sheets.readsPerMinute ?? DEFAULT_SHEETS_PER_MINUTE,
      writesPerMinute: sheets.writesPerMinute ?? DEFAULT_SHEETS_PER_MINUTE,
    },
  });
  const errors = diagnosis.findings.filter(isSetupError).length;
  const warnings = diagnosis.findings.length - errors;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          ready: diagnosis.ready,
          account: diagnosis.account ?? null,
          checked: diagnosis.checked,
          findings: diagnosis.findings.map((f) => ({
            severity: isSetupError(f) ? 'error' : 'warning',
            ...f,
            text: findingText(f, diagnosis.account),
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const lines = [DOCTOR_TEXT.heading(diagnosis.account)];
    // The errors first: they are what stands between the office and a run.
    for (const f of diagnosis.findings.filter(isSetupError))
      lines.push(DOCTOR_TEXT.error(findingText(f, diagnosis.account)));
    for (const f of diagnosis.findings.filter((x) => !isSetupError(x)))
      lines.push(DOCTOR_TEXT.warning(findingText(f, diagnosis.account)));
    lines.push(
      diagnosis.ready
        ? DOCTOR_TEXT.ready(diagnosis.checked.spreadsheets, diagnosis.checked.folders, warnings)
        : DOCTOR_TEXT.notReady(errors, warnings),
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return diagnosis.ready ? EXIT.done : EXIT.failure;
}
