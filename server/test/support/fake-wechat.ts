import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subscribe message as the fake received it (subscribeMessage.send's body). */
export interface ReceivedMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: string;
}

/** A msgSecCheck request as the fake received it. */
export interface ReceivedSecCheck {
  version: number;
  openid: string;
  scene: number;
  content: string;
}

/** A mediaCheckAsync request as the fake received it. */
export interface ReceivedMediaCheck {
  media_url: string;
  media_type: number;
  version: number;
  scene: number;
  openid: string;
}

export interface FakeWechat {
  baseUrl: string;
  calls: string[];
  /** Every mediaCheckAsync request, in order; the n-th (from 1) is answered with trace id "media-trace-<n>". */
  mediaChecks: ReceivedMediaCheck[];
  /** Every msgSecCheck request, in order. */
  secChecks: ReceivedSecCheck[];
  /** Every subscribe message that reached the fake, in order of arrival (whatever it answered). */
  messages: ReceivedMessage[];
  /** Milliseconds every subscribe-message answer waits (lets two workers overlap). */
  sendDelayMs: number;
  /** Answers the sends to "o_hold…" openids that are still waiting. */
  releaseHeld: () => void;
  /** How many sends to "o_hold…" openids are waiting for an answer. */
  heldCount: () => number;
  /** WeChat renews the access token (another process asked for one): the old one is refused from now on with 40001. */
  renewToken: () => void;
  close: () => Promise<void>;
}

/**
 * A fake WeChat on 127.0.0.1 answering as WeChat does (HTTP 200 with errcode in
 * the JSON body). Codes the tests send pick the answer:
 *   any other code → a session for openid "o_<code>"
 *   "invalid"      → 40029 invalid code
 *   "limited"      → 45011 api minute-quota reach limit
 *   "busy"         → -1 system error
 * The phone button's codes (getuserphonenumber, which needs the access token from /cgi-bin/token):
 *   "phone-<digits>" → that mainland number
 *   anything else    → 40029 invalid code
 * Subscribe messages: the recipient's openid picks the answer:
 *   o_43101…  → 43101 (no subscription left)      o_47003… → 47003 naming data.thing1
 *   o_busy…   → -1 system busy                    o_slow…  → answers after 3 s
 *   o_hold…   → no answer until releaseHeld()     any other → sent
 * mediaCheckAsync: always accepted, with trace id "media-trace-<n>" (the verdict is a push the test sends).
 * msgSecCheck: the text picks the answer: containing 违规 → risky, 待审 → review,
 *   故障 → -1 system busy (WeChat unavailable); anything else → pass.
 */
export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: string[] = [];
  const messages: ReceivedMessage[] = [];
  const secChecks: ReceivedSecCheck[] = [];
  const mediaChecks: ReceivedMediaCheck[] = [];
  const held: (() => void)[] = [];
  const fake = { sendDelayMs: 0 };
  let accessToken = 'fake-access-token';
  let renewals = 0;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    calls.push(url.pathname + url.search);
    const json = (body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
    if (url.pathname.startsWith('/cgi-bin/message/') || url.pathname.startsWith('/wxa/')) {
      if (url.searchParams.get('access_token') !== accessToken) return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    }
    if (url.pathname === '/wxa/msg_sec_check') {
      const c = body as ReceivedSecCheck;
      secChecks.push(c);
      if (c.content.includes('故障')) return json({ errcode: -1, errmsg: 'system error' });
      const suggest = c.content.includes('违规') ? 'risky' : c.content.includes('待审') ? 'review' : 'pass';
      return json({ errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 }, detail: [], trace_id: `trace-${secChecks.length}` });
    }
    if (url.pathname === '/wxa/media_check_async') {
      mediaChecks.push(body as ReceivedMediaCheck);
      return json({ errcode: 0, errmsg: 'ok', trace_id: `media-trace-${mediaChecks.length}` });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      const m = body as ReceivedMessage;
      messages.push(m);
      if (fake.sendDelayMs) await new Promise((r) => setTimeout(r, fake.sendDelayMs));
      if (m.touser.startsWith('o_43101')) return json({ errcode: 43101, errmsg: 'user refuse to accept the msg rid: 1' });
      if (m.touser.startsWith('o_47003')) return json({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value exceeds limit rid: 2' });
      if (m.touser.startsWith('o_busy')) return json({ errcode: -1, errmsg: 'system error' });
      if (m.touser.startsWith('o_slow')) return setTimeout(() => json({ errcode: 0, errmsg: 'ok', msgid: messages.length }), 3000);
      if (m.touser.startsWith('o_hold')) return held.push(() => json({ errcode: 0, errmsg: 'ok', msgid: messages.length }));
      return json({ errcode: 0, errmsg: 'ok', msgid: messages.length });
    }
    if (url.pathname === '/sns/jscode2session') {
      if (url.searchParams.get('appid') !== 'wx-test-appid' || url.searchParams.get('secret') !== 'test-secret') {
        return json({ errcode: 40013, errmsg: 'invalid appid' });
      }
      const code = url.searchParams.get('js_code') ?? '';
      if (code === 'invalid') return json({ errcode: 40029, errmsg: 'invalid code, rid: 1' });
      if (code === 'limited') return json({ errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' });
      if (code === 'busy') return json({ errcode: -1, errmsg: 'system error' });
      return json({ openid: `o_${code}`, session_key: 'c2Vzc2lvbg==' });
    }
    if (url.pathname === '/cgi-bin/token') return json({ access_token: accessToken, expires_in: 7200 });
    if (url.pathname === '/wxa/business/getuserphonenumber' && req.method === 'POST') {
      if (url.searchParams.get('access_token') !== accessToken) return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      // The body was read above, once for every handler.
      const code = String((body as { code?: unknown } | null)?.code ?? '');
      const digits = /^phone-(\d{11})$/.exec(code)?.[1];
      if (!digits) return json({ errcode: 40029, errmsg: 'invalid code' });
      return json({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: digits, purePhoneNumber: digits, countryCode: '86', watermark: { timestamp: 1795459800, appid: 'wx-test-appid' } } });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    renewToken: () => {
      accessToken = `fake-access-token-${++renewals}`;
    },
    calls,
    messages,
    secChecks,
    mediaChecks,
    releaseHeld: () => held.splice(0).forEach((answer) => answer()),
    heldCount: () => held.length,
    close: () => {
      held.splice(0).forEach((answer) => answer());
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
