/**
 * The npm scripts' options: `--help` (or `-h`) prints the script's usage and exits 0; an unknown
 * or malformed option is one line on stderr saying which, and exit 2 — never a stack trace.
 * Node's own `parseArgs` does the parsing; this only answers for it.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export function scriptArgs<T extends ParseArgsConfig>(
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const withHelp = {
    ...config,
    options: { ...config.options, help: { type: 'boolean', short: 'h' } },
  } as const;
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(withHelp as T);
  } catch (error) {
    const script = /^\s*(npm run \S+|npx tsx \S+)/.exec(usage)?.[1] ?? 'the script';
    process.stderr.write(`${(error as Error).message.split('\n')[0]} (${script} -- --help for the usage)\n`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  return parsed;
}
