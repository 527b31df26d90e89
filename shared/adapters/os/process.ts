/** Whether a process of this machine still runs (a folder lock or a run lease names its holder by pid). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: asks, sends nothing
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}
