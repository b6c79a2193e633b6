import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
 */
export async function startFakeWechat(): Promise<{ baseUrl: string; calls: string[]; close: () => Promise<void> }> {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    calls.push(url.pathname + url.search);
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
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
    if (url.pathname === '/cgi-bin/token') return json({ access_token: 'fake-access-token', expires_in: 7200 });
    if (url.pathname === '/wxa/business/getuserphonenumber' && req.method === 'POST') {
      if (url.searchParams.get('access_token') !== 'fake-access-token') return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const code = String((JSON.parse(raw || '{}') as { code?: unknown }).code ?? '');
        const digits = /^phone-(\d{11})$/.exec(code)?.[1];
        if (!digits) return json({ errcode: 40029, errmsg: 'invalid code' });
        json({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: digits, purePhoneNumber: digits, countryCode: '86', watermark: { timestamp: 1795459800, appid: 'wx-test-appid' } } });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
