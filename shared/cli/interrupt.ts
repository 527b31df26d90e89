/**
 * Ctrl-C (SIGINT) or SIGTERM during a job: the first asks the job to stop at the next unit — the
 * workbooks being read are finished and stored, no new one is started, the lease and the folder
 * lock are released on the way out, exit 130. A second one stops at once (exit 130): the store
 * keeps what was flushed, and the next run takes the lease of a process that is gone.
 */
import { CLI_TEXT } from '../text/console.ts';
import { EXIT } from './console.ts';

export interface Interrupt {
  /** Whether a stop was asked for. */
  readonly requested: () => boolean;
  /** Stops listening (the job is over). */
  readonly dispose: () => void;
}

/**
 * A second signal this soon after the first is the same Ctrl-C: a terminal sends it to the whole
 * process group, and tsx (npm start, npm run thidua) passes its copy on to the node it runs.
 */
const SAME_PRESS_MS = 1000;

export function listenForInterrupt(): Interrupt {
  let requested = false;
  let firstAt = 0;
  const onSignal = () => {
    if (requested && Date.now() - firstAt < SAME_PRESS_MS) return;
    if (requested) {
      process.stderr.write(`\n${CLI_TEXT.stoppedNow()}\n`);
      process.exit(EXIT.interrupted);
    }
    requested = true;
    firstAt = Date.now();
    process.stderr.write(`\n${CLI_TEXT.stopping()}\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    requested: () => requested,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
