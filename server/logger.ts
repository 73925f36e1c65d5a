// Structured JSON logs, one object per line on stdout. Callers pass fields, never request bodies,
// tokens or passwords: the request logger records only method, path, status and duration.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = Record<Exclude<LogLevel, 'silent'>, (msg: string, fields?: LogFields) => void>;

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => number = Date.now,
): Logger {
  const at =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: LogFields = {}) => {
      if (rank[lvl] < rank[level]) return;
      write(JSON.stringify({ time: new Date(now()).toISOString(), level: lvl, msg, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
