/**
 * `thidua`: the command-line tool of the emulation office. It parses the command and dispatches:
 * each command lives in `commands/`, what it prints in `console.ts`, its options in `options.ts`.
 *
 *   thidua template | check <workbook> | sync | propose | run | documents | watch | publish | movement | doctor
 */

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../app/context.ts';
import { CLI_TEXT } from '../text/console.ts';
import { check } from './commands/check.ts';
import { doctor } from './commands/doctor.ts';
import { job } from './commands/job.ts';
import { movementCommand } from './commands/movement.ts';
import { publication } from './commands/publish.ts';
import { template } from './commands/template.ts';
import { watchCommand } from './commands/watch.ts';
import { EXIT, help, reportFailure, VERSION } from './console.ts';
import { PUBLISH, parseJob } from './options.ts';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'template':
        return await template(rest);
      case 'check':
        return await check(rest);
      case 'movement':
        return await movementCommand(rest);
      case 'watch':
        return await watchCommand(rest);
      case 'doctor':
        return await doctor(rest);
      case 'sync':
      case 'propose':
      case 'run': {
        const { values } = parseJob(rest);
        if (values.help) return help('job');
        return await job(command, values);
      }
      case 'documents': {
        const { values } = parseArgs({ args: rest, options: PUBLISH, strict: true });
        if (values.help) return help('documents');
        const council = values.council?.toUpperCase();
        if (!council) throw new UsageError(CLI_TEXT.needCouncil());
        return await job('documents', { ...values, unit: [council] });
      }
      case 'publish':
      case 'reopen':
      case 'audit':
        return await publication(command, rest);
      case '--version':
      case '-v':
      case 'version':
        process.stdout.write(`thidua ${VERSION}\n`);
        return EXIT.done;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return help('main', command === undefined);
      default:
        process.stderr.write(`${CLI_TEXT.unknownCommand(command)}\n`);
        return help('main', true);
    }
  } catch (error) {
    return reportFailure(error);
  }
}

// The AWS SDK warns that its 2027 releases will need Node 22; Lambda runs 22, this warning is noise here.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (
    !warning.message.includes('NodeVersionSupportWarning') &&
    !warning.name.includes('NodeVersionSupportWarning')
  )
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  // `thidua check … | head`: the reader went away; stop quietly instead of a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
