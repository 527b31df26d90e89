/** Progress on long work: a live line on a terminal, a few plain lines otherwise. Always on stderr. */
import type { Progress } from '../ports/index.ts';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let label = '';
  let total = 0;
  let count = 0;
  let lastShown = -1;
  const started = { at: 0 };
  const line = () => `${label}: ${count}/${total}`;
  return {
    start(l, t) {
      label = l;
      total = t;
      count = 0;
      lastShown = -1;
      started.at = Date.now();
      if (!stream.isTTY) stream.write(`${label}: ${total}…\n`);
    },
    tick() {
      count++;
      if (stream.isTTY) stream.write(`\r${line()}`);
      else {
        const step = Math.floor((count * 10) / Math.max(total, 1));
        if (total >= 100 && step !== lastShown && step < 10) {
          lastShown = step;
          stream.write(`  ${line()}\n`);
        }
      }
    },
    done() {
      const seconds = ((Date.now() - started.at) / 1000).toFixed(1);
      stream.write(`${stream.isTTY ? '\r' : ''}${line()} (${seconds} s)\n`);
    },
  };
}
