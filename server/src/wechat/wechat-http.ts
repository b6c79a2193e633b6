import http from 'node:http';
import https from 'node:https';

/**
 * What came of one HTTP request, told apart by whether the request could have reached the server:
 * `notSent` only when the connection was never made (refused, no route, no name, connect timeout).
 */
export type HttpOutcome = { kind: 'answer'; status: number; text: string } | { kind: 'notSent'; reason: string } | { kind: 'lost'; reason: string };

/**
 * POSTs JSON on a connection of its own (no keep-alive pool): a pooled socket the server had already
 * closed fails in a way that cannot say whether the request arrived, and a subscribe message whose fate
 * is unknown is never sent again. A fresh connection costs a handshake per call and removes that doubt.
 */
export function postJson(url: string, body: unknown, timeoutMs: number): Promise<HttpOutcome> {
  const target = new URL(url);
  const lib = target.protocol === 'https:' ? https : http;
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    const done = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = lib.request(target, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length, connection: 'close' },
    });
    const timer = setTimeout(() => {
      done(connected ? { kind: 'lost', reason: 'timeout' } : { kind: 'notSent', reason: 'connect_timeout' });
      req.destroy();
    }, timeoutMs);
    req.on('socket', (socket) => {
      const onConnect = () => (connected = true);
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', onConnect);
    });
    req.on('error', (e: NodeJS.ErrnoException) => done(connected ? { kind: 'lost', reason: e.code ?? e.message } : { kind: 'notSent', reason: e.code ?? e.message }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ kind: 'answer', status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e: NodeJS.ErrnoException) => done({ kind: 'lost', reason: e.code ?? e.message }));
    });
    req.end(payload);
  });
}
