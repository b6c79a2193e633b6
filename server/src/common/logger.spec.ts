import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { PinoNestLogger } from './logger.js';

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
