import pino, { type Logger } from 'pino';
import { currentLogContext } from './log-context';

export type { Logger } from 'pino';

/**
 * JSON logs on stdout. Secrets are redacted by path as a safety net; the code itself never logs message
 * text, tokens or personal data. Every line written during a turn or a job carries its id (log-context.ts).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'iys-onboarding-bot' },
      mixin: () => ({ ...currentLogContext() }),
      redact: {
        paths: ['*.authorization', '*.headers.authorization', '*.password', '*.token', '*.text'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
