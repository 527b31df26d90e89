/**
 * The one logger of the functions: structured JSON lines for CloudWatch. It carries codes and
 * counts, never personal data: names and staff ids are not accepted as fields.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Field = string | number | boolean | null | undefined | readonly (string | number)[];

const FORBIDDEN = /name|staff|person|people|email/i;

export interface Logger {
  debug(msg: string, fields?: Record<string, Field>): void;
  info(msg: string, fields?: Record<string, Field>): void;
  warn(msg: string, fields?: Record<string, Field>): void;
  error(msg: string, fields?: Record<string, Field>): void;
  child(fields: Record<string, Field>): Logger;
}

/** Where the shared logger's lines go: stdout (CloudWatch) unless a test captures them. */
let sink: (line: string) => void = (l) => process.stdout.write(`${l}\n`);

/** Sends the shared logger's lines to `write` (tests assert the lines their faults cause); returns the previous sink. */
export function setLogSink(write: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = write;
  return previous;
}

export function createLogger(
  base: Record<string, Field> = {},
  write: (line: string) => void = (l) => sink(l),
): Logger {
  const emit = (level: Level, msg: string, fields: Record<string, Field> = {}) => {
    const safe: Record<string, Field> = {};
    for (const [key, value] of Object.entries({ ...base, ...fields }))
      safe[key] = FORBIDDEN.test(key) ? '[redacted]' : value;
    write(JSON.stringify({ level, time: new Date().toISOString(), msg, ...safe }));
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }, write),
  };
}

export const logger = createLogger({ service: 'thidua' });
