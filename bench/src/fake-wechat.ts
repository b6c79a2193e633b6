/**
 * A fake WeChat on 127.0.0.1 that answers at once, as WeChat does: access tokens, subscribe messages
 * (counted) and msgSecCheck v2 (always `pass`, counted). The chaos run and the content-security line of
 * the API scenarios send to it; nothing in the bench reaches the real WeChat.
 */
import http from 'node:http';
import type net from 'node:net';

export interface FakeWechat {
  url: string;
  /** Subscribe messages received. */
  sent: () => number;
  /** msgSecCheck calls received. */
  checked: () => number;
  /** The server's settings for it. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  let sent = 0;
  let checked = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const json = (o: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o));
      if (url.pathname === '/cgi-bin/token' || url.pathname === '/cgi-bin/stable_token') return json({ access_token: 'bench-token', expires_in: 7200 });
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        sent += 1;
        return json({ errcode: 0, errmsg: 'ok', msgid: sent });
      }
      if (url.pathname === '/wxa/msg_sec_check') {
        checked += 1;
        return json({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: `bench-${checked}` });
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url,
    sent: () => sent,
    checked: () => checked,
    env: { WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'bench-secret', WECHAT_BASE_URL: url, WECHAT_TIMEOUT_MS: '2000' },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
