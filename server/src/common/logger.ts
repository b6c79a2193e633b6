import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const REQUEST_ID = /^[\w.-]{1,64}$/;
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export function createLogger(level: string): Logger {
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

/** One JSON line per request, each with a request id (the client's X-Request-Id if sane, else new), echoed in the response. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
  });
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/**
 * Nest's own messages and our `new Logger(context)` calls through the same structured logger.
 * Nest passes `(message, ...extra, context)`; an object message becomes fields of the line
 * (`logger.log({ escalated: 3 }, 'swept')` → `{"context":"Sweeper","escalated":3,"msg":"swept"}`).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, ...params: unknown[]) {
    // Nest's start-up chatter (every module and route) is for debugging, not for every start.
    const context = params.at(-1);
    this.write(typeof context === 'string' && STARTUP_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    // Nest's own errors come as (message, stack, context): the stack is a field, not part of the message.
    const context = typeof params.at(-1) === 'string' && params.length > 1 ? params.at(-1) : undefined;
    const trace = params.length > 1 ? params[0] : undefined;
    if (typeof message === 'string' && typeof trace === 'string') this.logger.error({ context, trace }, message);
    else this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]) {
    const last = params.at(-1);
    const context = typeof last === 'string' ? last : undefined;
    const extra = (context === undefined ? params : params.slice(0, -1)).filter((p) => p !== undefined).map(String);
    if (message instanceof Error) this.logger[level]({ context, err: message }, extra.join(' ') || message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message }, extra.join(' '));
    else this.logger[level]({ context }, [String(message), ...extra].join(' '));
  }
}
