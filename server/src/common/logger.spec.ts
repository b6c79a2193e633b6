import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { EventEmitter } from 'node:events';
import { PinoNestLogger, requestLogger } from './logger.js';

/** The lines a PinoNestLogger writes, parsed. */
function capture(level = 'info'): { nest: PinoNestLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { nest: new PinoNestLogger(pino({ level }, sink)), lines };
}

// The arguments are those Nest's Logger passes on: its own arguments, then the logger's context.
describe('PinoNestLogger', () => {
  it('makes an object message the fields of the line', () => {
    const { nest, lines } = capture();
    nest.log({ escalated: 3, autoClosed: 0 }, 'swept', 'Sweeper');
    expect(lines).toEqual([expect.objectContaining({ level: 30, context: 'Sweeper', escalated: 3, autoClosed: 0, msg: 'swept' })]);
  });

  it('keeps a text message as the message and the last argument as the context', () => {
    const { nest, lines } = capture();
    nest.log('Nest application successfully started', 'NestApplication');
    expect(lines).toEqual([expect.objectContaining({ context: 'NestApplication', msg: 'Nest application successfully started' })]);
  });

  it('logs Nest start-up chatter at debug level only', () => {
    const { nest, lines } = capture('info');
    nest.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    expect(lines).toEqual([]);
  });

  it('logs an error object with its message and stack', () => {
    const { nest, lines } = capture();
    nest.error(new Error('deadlock'), 'sweep failed', 'Sweeper');
    expect(lines).toEqual([expect.objectContaining({ level: 50, context: 'Sweeper', msg: 'sweep failed', err: expect.objectContaining({ message: 'deadlock', stack: expect.stringContaining('Error: deadlock') }) })]);
  });

  it("keeps Nest's own stack trace out of the message", () => {
    const { nest, lines } = capture();
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');
    expect(lines).toEqual([expect.objectContaining({ context: 'ExceptionHandler', msg: 'boom', trace: 'Error: boom\n    at x' })]);
  });
});

/** A request through requestLogger answered with `status`; the lines written at `level`. */
function served(level: string, status: number, headers: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const logger = pino({ level, redact: ['req.headers.authorization'] }, sink);
  const req = { url: '/api/tickets', method: 'GET', headers: { authorization: 'Bearer secret', ...headers }, socket: {} } as never as { id?: string; log?: unknown };
  const res = Object.assign(new EventEmitter(), { statusCode: status, set: {} as Record<string, string>, setHeader(k: string, v: string) { this.set[k] = v; }, getHeaders() { return this.set; } });
  let nexted = false;
  requestLogger(logger)(req as never, res as never, () => (nexted = true));
  res.emit('finish');
  res.emit('close');
  return { lines, req, res, nexted };
}

describe('requestLogger', () => {
  it('gives each request an id, echoed in X-Request-Id, and keeps a sane one the client sent', () => {
    const fresh = served('warn', 200);
    expect(fresh.nexted).toBe(true);
    expect(fresh.req.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.res.set['X-Request-Id']).toBe(fresh.req.id);
    expect(served('warn', 200, { 'x-request-id': 'abc-123' }).req.id).toBe('abc-123');
    expect(served('warn', 200, { 'x-request-id': 'no spaces allowed' }).req.id).not.toBe('no spaces allowed');
  });

  it('writes one line per request at info, with the request and its status, never the token', () => {
    const { lines, req } = served('info', 201);
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'request completed', res: expect.objectContaining({ statusCode: 201 }), req: expect.objectContaining({ id: req.id, method: 'GET', url: '/api/tickets' }) })]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('below info writes only the failures, at error level', () => {
    expect(served('warn', 404).lines).toEqual([]);
    expect(served('warn', 503).lines).toEqual([expect.objectContaining({ level: 50, msg: 'request errored', res: expect.objectContaining({ statusCode: 503 }) })]);
  });
});
