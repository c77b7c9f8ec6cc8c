// The back office's logger: structured JSON lines through pino (one object per line on stdout),
// level from LOG_LEVEL (info). Access lines come from http/observability.ts.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = (LOG_LEVELS as readonly string[]).includes(options.level ?? '') ? (options.level as string) : 'info';
  return pino(
    {
      level,
      base: { service: 'back-office' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** For tests and embedders that pass no logger. */
export const silentLogger: Logger = pino({ level: 'silent' });
