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

export function listenForInterrupt(): Interrupt {
  let requested = false;
  const onSignal = () => {
    if (requested) {
      process.stderr.write(`\n${CLI_TEXT.stoppedNow()}\n`);
      process.exit(EXIT.interrupted);
    }
    requested = true;
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
