import { AppError } from './app-error.js';

/** Seconds a client should wait before trying again while the database is away (a restart takes a few). */
export const DB_RETRY_AFTER_SECONDS = 5;

/**
 * Driver errors that say the database cannot be reached right now (refused, lost, shutting down, too
 * many connections), as opposed to an error in what we asked of it. mysql2 names them by `code`
 * (network errors, PROTOCOL_*, ER_*); TypeORM wraps them as `driverError`. The pool drops a broken
 * connection and opens a new one on the next request, so the process recovers by itself once the
 * database is back. SQLite is a file in this process: it is never "unreachable".
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_GONE_ERROR',
  'ER_SERVER_LOST',
  'ER_CLIENT_INTERACTION_TIMEOUT',
]);
// mysql2's errors for a command on a connection already closed carry no code, only these words.
const UNREACHABLE_MESSAGES = [/connection is in closed state/i, /Connection lost: The server closed the connection/i, /Pool is closed/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((m) => m.test(message))) return true;
    const next = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
    if (next === e) break;
    e = next;
  }
  return false;
}

export const databaseUnavailable = () => new AppError(503, 'DB_UNAVAILABLE', '服务暂时连接不上数据库，请稍后再试');
