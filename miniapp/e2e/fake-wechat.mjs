// A fake WeChat on 127.0.0.1 for the browser test, answering as the server's tests' fake does
// (server/test/support/fake-wechat.ts): any login code → openid "o_<code>"; phone code "phone-<11 digits>" → that number;
// msgSecCheck: a text containing 违规 is risky, 待审 asks for review, anything else passes.
import http from 'node:http'

export const FAKE_APPID = 'wx-test-appid'
export const FAKE_SECRET = 'test-secret'

export async function startFakeWechat() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const json = (body) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    if (url.pathname === '/sns/jscode2session') {
      if (url.searchParams.get('appid') !== FAKE_APPID) return json({ errcode: 40013, errmsg: 'invalid appid' })
      return json({ openid: `o_${url.searchParams.get('js_code')}`, session_key: 'c2Vzc2lvbg==' })
    }
    if (url.pathname === '/cgi-bin/token') return json({ access_token: 'fake-access-token', expires_in: 7200 })
    if (url.pathname === '/wxa/business/getuserphonenumber') {
      let raw = ''
      req.setEncoding('utf8')
      req.on('data', (c) => (raw += c))
      req.on('end', () => {
        const digits = /^phone-(\d{11})$/.exec(String(JSON.parse(raw || '{}').code ?? ''))?.[1]
        if (!digits) return json({ errcode: 40029, errmsg: 'invalid code' })
        json({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: digits, purePhoneNumber: digits, countryCode: '86' } })
      })
      return
    }
    if (url.pathname === '/wxa/msg_sec_check') {
      let raw = ''
      req.setEncoding('utf8')
      req.on('data', (c) => (raw += c))
      req.on('end', () => {
        const content = String(JSON.parse(raw || '{}').content ?? '')
        const suggest = content.includes('违规') ? 'risky' : content.includes('待审') ? 'review' : 'pass'
        json({ errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 }, detail: [], trace_id: `trace-${Date.now()}` })
      })
      return
    }
    res.writeHead(404).end()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) }
}
