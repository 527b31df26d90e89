/**
 * Whether a process of this machine still runs (a folder lock or a run lease names its holder by
 * pid). Signal 0 alone is not enough: a process that has exited answers it until its parent
 * collects it, and a run killed with its process group (tsx and the node it starts, by a power
 * cut, an OOM kill or `kill -9`) leaves its node process as such a zombie, handed to PID 1, for as
 * long as PID 1 takes to collect it (seconds in a container). On Linux its state in /proc says so.
 */
import { readFileSync } from 'node:fs';

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: asks, sends nothing
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
  return !exitedUncollected(pid);
}

/** A zombie (Z) or dead (X) process: exited, not yet collected by its parent. False where /proc is not. */
function exitedUncollected(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) S ...": the command may hold spaces and parentheses; the state follows the last ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}
