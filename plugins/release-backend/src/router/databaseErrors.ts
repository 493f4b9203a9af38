import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** Connection-level error codes of Node sockets and PostgreSQL (class 08, 57P). */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
]);

const unavailableMessages =
  /Connection terminated|connection (is )?(closed|ended)|Client has encountered a connection error|timeout exceeded when trying to connect|terminating connection|Knex: Timeout acquiring a connection/i;

/** Whether an error means the database could not be reached, not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as {
    code?: string;
    name?: string;
    message?: string;
  };
  return (
    (code !== undefined && unavailableCodes.has(code)) ||
    name === 'KnexTimeoutError' ||
    unavailableMessages.test(message ?? '')
  );
}

/**
 * Turns a lost database into a 503 the client can retry, instead of a 500
 * that reads like a bug. The transaction of the failed request was rolled
 * back by the database, so nothing of it is written.
 */
export const translateDatabaseErrors: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  next(
    isDatabaseUnavailable(error)
      ? new ServiceUnavailableError(
          'The release database is not reachable right now; nothing was changed. Try again shortly.',
          error,
        )
      : error,
  );
};
