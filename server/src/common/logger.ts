import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';

const REQUEST_ID = /^[\w.-]{1,64}$/;
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export function createLogger(level: string): Logger {
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

/**
 * One JSON line per request (`request completed`, or `request errored` at error level for a 5xx), each with
 * a request id (the client's X-Request-Id if sane, else new), echoed in the response; `req.log` is the
 * request's child logger. pino-http did the same, but made and serialised that child (the request with its
 * headers) for every request even when the line was below the level: 7 % of a read's CPU
 * (docs/performance.md). Here the child is made only when something logs through it.
 */
export function requestLogger(logger: Logger) {
  return (req: IncomingMessage & { id?: string; log?: Logger }, res: ServerResponse, next: () => void) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (child ??= logger.child({ req: serializeRequest(req, id) })),
    });
    if (!req.url?.startsWith('/api')) return next();
    const started = Date.now();
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      const failed = res.statusCode >= 500;
      if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
      const line = { res: { statusCode: res.statusCode, headers: res.getHeaders() }, responseTime: Date.now() - started };
      if (failed) req.log!.error(line, 'request errored');
      else req.log!.info(line, 'request completed');
    };
    res.once('finish', finished);
    res.once('close', finished);
    next();
  };
}

/** The request as pino-http's serialiser wrote it (the logger's redact hides authorization and cookies). */
function serializeRequest(req: IncomingMessage, id: string) {
  return { id, method: req.method, url: req.url, headers: req.headers, remoteAddress: req.socket?.remoteAddress, remotePort: req.socket?.remotePort };
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
