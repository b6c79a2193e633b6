import { createRequire } from 'node:module';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { AuthUser, WechatIdentity } from '../auth/auth-user.js';
import { Statements } from '../database/statements.js';
import { postJson } from './wechat-http.js';
import { WechatToken } from './wechat-token.entity.js';
import { WechatVisit } from './wechat-visit.entity.js';

const require = createRequire(import.meta.url);
const WechatAPI = require('co-wechat-api') as new (
  appId: string,
  secret: string,
  getToken: () => Promise<{ accessToken: string; expireTime: number } | null>,
  saveToken: (token: { accessToken: string; expireTime: number } | null) => Promise<void>,
) => CoWechatApi;

interface CoWechatApi {
  prefix: string;
  snsPrefix: string;
  wxaPrefix: string;
  ensureAccessToken(): Promise<{ accessToken: string }>;
  request(url: string, opts: { method: string; dataType: 'json'; data: string; headers: Record<string, string> }): Promise<unknown>;
  setOpts(opts: { timeout: number }): void;
  code2Session(code: string): Promise<{ openid: string; session_key: string; unionid?: string }>;
  saveToken(token: null): Promise<void>;
}

/** What the phone button proved: a mainland number as 11 digits, others with their country code. */
export interface WechatPhone {
  phone: string;
}

/**
 * What came of a call to WeChat, as far as we can know it.
 * answered: WeChat replied (errcode 0 is success; any other code proves the call did nothing);
 * unreachable: the request never reached WeChat (refused, no route, no token), so it did nothing;
 * unknown: the request went out and no usable answer came back (timeout, reset): it may have worked.
 */
export type WechatCallResult =
  | { kind: 'answered'; errcode: number; errmsg: string; body: Record<string, unknown> }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'unknown'; reason: string };


/** msgSecCheck v2 scenes: 1 资料 (profile), 2 评论 (comment), 3 论坛 (a post others read), 4 社交日志. */
export type SecScene = 1 | 2 | 3 | 4;

/** What msgSecCheck said of a text, or that it could not say. */
export type SecVerdict = { suggest: 'pass' | 'review' | 'risky'; traceId: string | null } | { suggest: 'unavailable'; reason: string };

/** msgSecCheck only takes the openid of a user who opened the mini-program within this time. */
export const VISIT_WINDOW_MS = 2 * 3600_000;

/** How long a process uses the access token it read before reading the shared row again. */
const TOKEN_READ_MS = 60_000;

export interface WechatSession {
  openid: string;
  unionid: string | null;
}

/**
 * Our typed door to WeChat, over co-wechat-api. The base URL is configuration
 * (tests point it at a fake WeChat on 127.0.0.1); the access token lives in the
 * database so every API process shares one.
 */
@Injectable()
export class WechatGateway {
  private readonly api: CoWechatApi | null;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly miniprogramState: AppConfig['wechat']['miniprogramState'];
  private readonly sql: Statements;
  /** The shared access token as this process last read it from the database. */
  private token: { value: { accessToken: string; expireTime: number } | null; readAt: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    const { appId, secret, baseUrl } = config.wechat;
    this.baseUrl = baseUrl;
    this.timeoutMs = config.wechat.timeoutMs;
    this.miniprogramState = config.wechat.miniprogramState;
    this.sql = Statements.of(ds);
    if (!appId || !secret) {
      this.api = null;
      return;
    }
    this.api = new WechatAPI(
      appId,
      secret,
      async () => {
        // Read again at most once a TOKEN_READ_MS: every check of a report's text asks for the token. A token another
        // process renewed meanwhile leaves ours valid for WeChat's five minutes of overlap, and a refused one is dropped below.
        if (this.token && Date.now() - this.token.readAt < TOKEN_READ_MS) return this.token.value;
        const row = await this.ds.getRepository(WechatToken).findOneBy({ appId });
        const value = row ? { accessToken: row.accessToken, expireTime: Number(row.expireTime) } : null;
        this.token = { value, readAt: Date.now() };
        return value;
      },
      async (token) => {
        this.token = null;
        // Two processes may fetch a token at the same moment: the last write wins, neither fails on the key.
        if (token) await this.ds.getRepository(WechatToken).upsert({ appId, accessToken: token.accessToken, expireTime: String(token.expireTime) }, ['appId']);
        else await this.ds.getRepository(WechatToken).delete({ appId });
      },
    );
    this.api.prefix = `${baseUrl}/cgi-bin/`;
    this.api.snsPrefix = `${baseUrl}/sns/`;
    this.api.wxaPrefix = `${baseUrl}/wxa/`;
    this.api.setOpts({ timeout: 5000 });
  }

  get configured(): boolean {
    return this.api !== null;
  }

  /** wx.login's code → openid (auth.code2Session). */
  async code2Session(code: string): Promise<WechatSession> {
    if (!this.api) throw new AppError(503, 'WECHAT_NOT_CONFIGURED', '未配置微信登录，请联系管理员配置');
    try {
      const r = await this.api.code2Session(code);
      if (!r?.openid) throw new AppError(503, 'WECHAT_UNAVAILABLE', '微信登录暂时不可用，请稍后再试');
      await this.recordVisit(r.openid);
      return { openid: r.openid, unionid: r.unionid ?? null };
    } catch (e) {
      throw toAppError(e);
    }
  }

  /** A login proves the user opened the mini-program now; visits older than msgSecCheck's window are forgotten. */
  private async recordVisit(openid: string): Promise<void> {
    const now = this.clock.now();
    const repo = this.ds.getRepository(WechatVisit);
    await repo.upsert({ openid, seenAt: now }, ['openid']);
    await repo.createQueryBuilder().delete().where('seenAt < :cutoff', { cutoff: new Date(now.getTime() - VISIT_WINDOW_MS) }).execute();
  }

  /**
   * The openid WeChat's checks may take for this user: theirs, if they logged in through WeChat within the two
   * hours msgSecCheck and mediaCheckAsync allow; else null. A caller loaded by the auth guard carries its visit
   * (read with its roles), so checking a request's own texts costs no statement; anyone else costs one.
   */
  async checkableOpenid(user: number | AuthUser): Promise<string | null> {
    if (typeof user !== 'number' && user.wechat !== undefined) return this.recentlySeen(user.wechat);
    const visits = this.sql.table(WechatVisit);
    const id = typeof user === 'number' ? user : user.id;
    const rows = await this.sql.rows<Record<string, unknown>>(`SELECT u.\`openid\` AS \`openid\`, ${visits.select('v', ['seenAt'])} FROM \`users\` u LEFT JOIN \`wechat_visits\` v ON v.\`openid\` = u.\`openid\` WHERE u.\`id\` = ?`, [id]);
    const [row] = visits.entities(rows);
    return this.recentlySeen(row?.openid ? { openid: row.openid, seenAt: row.seenAt ?? null } : null);
  }

  private recentlySeen(who: WechatIdentity | null): string | null {
    if (!who?.seenAt) return null;
    return this.clock.now().getTime() - who.seenAt.getTime() <= VISIT_WINDOW_MS ? who.openid : null;
  }

  /** msgSecCheck v2 (at most 2,500 characters; the openid of a user seen within two hours). */
  async msgSecCheck(check: { openid: string; scene: SecScene; content: string }): Promise<SecVerdict> {
    if ([...check.content].length > 2500) return { suggest: 'unavailable', reason: 'too_long' };
    const r = await this.post('/wxa/msg_sec_check', { version: 2, openid: check.openid, scene: check.scene, content: check.content });
    if (r.kind !== 'answered') return { suggest: 'unavailable', reason: r.reason };
    if (r.errcode !== 0) return { suggest: 'unavailable', reason: String(r.errcode) };
    const suggest = (r.body.result as { suggest?: string } | undefined)?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') return { suggest: 'unavailable', reason: 'bad_answer' };
    return { suggest, traceId: typeof r.body.trace_id === 'string' ? r.body.trace_id : null };
  }

  /**
   * mediaCheckAsync v2 for an image WeChat fetches from `mediaUrl`: the verdict comes later as a push
   * (wxa_media_check) naming the trace id returned here.
   */
  async mediaCheckAsync(check: { openid: string; scene: SecScene; mediaUrl: string }): Promise<{ traceId: string } | { unavailable: string }> {
    const r = await this.post('/wxa/media_check_async', { media_url: check.mediaUrl, media_type: 2, version: 2, scene: check.scene, openid: check.openid });
    if (r.kind !== 'answered') return { unavailable: r.reason };
    if (r.errcode !== 0) return { unavailable: String(r.errcode) };
    return typeof r.body.trace_id === 'string' && r.body.trace_id ? { traceId: r.body.trace_id } : { unavailable: 'bad_answer' };
  }

  /**
   * subscribeMessage.send. Never retried here: WeChat has no idempotency key, so only the caller,
   * knowing the outcome, may decide that a send that proved nothing happened can be tried again.
   */
  sendSubscribeMessage(message: { openid: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<WechatCallResult> {
    return this.post('/cgi-bin/message/subscribe/send', {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: this.miniprogramState,
      lang: 'zh_CN',
    });
  }

  /**
   * POSTs JSON to a WeChat API with the shared access token, classifying what came of it.
   * co-wechat-api lacks the /wxa/ calls and cannot tell a timeout after sending from a refused
   * connection, which decides whether a subscribe message may be sent again (wechat-http.ts).
   */
  private async post(path: string, body: object, tokenRetry = true): Promise<WechatCallResult> {
    if (!this.api) return { kind: 'unreachable', reason: 'not_configured' };
    let accessToken: string;
    try {
      ({ accessToken } = await this.api.ensureAccessToken());
    } catch (e) {
      return { kind: 'unreachable', reason: `token: ${(e as Error).message}`.slice(0, 64) };
    }
    const sent = await postJson(`${this.baseUrl}${path}?access_token=${encodeURIComponent(accessToken)}`, body, this.timeoutMs);
    if (sent.kind === 'notSent') return { kind: 'unreachable', reason: sent.reason };
    if (sent.kind === 'lost') return { kind: 'unknown', reason: sent.reason };
    // A proxy's error page or a body we cannot read proves nothing about what WeChat did.
    if (sent.status !== 200) return { kind: 'unknown', reason: `http_${sent.status}` };
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(sent.text) as Record<string, unknown>;
    } catch {
      return { kind: 'unknown', reason: 'bad_answer' };
    }
    const errcode = Number(answer.errcode ?? 0);
    // An expired or revoked token: the call did nothing; fetch a new token and try once more.
    if ((errcode === 40001 || errcode === 42001) && tokenRetry) {
      await this.api.saveToken(null);
      return this.post(path, body, false);
    }
    return { kind: 'answered', errcode, errmsg: String(answer.errmsg ?? ''), body: answer };
  }

  /**
   * The phone button's code → the number (phonenumber.getPhoneNumber). co-wechat-api lacks this /wxa/
   * call: it goes through the library's request with the shared access token, so an expired token is
   * renewed and the call retried the library's way.
   */
  async phoneNumber(code: string): Promise<WechatPhone> {
    if (!this.api) throw new AppError(503, 'WECHAT_NOT_CONFIGURED', '未配置微信登录，请联系管理员配置');
    try {
      const { accessToken } = await this.api.ensureAccessToken();
      const r = (await this.api.request(`${this.api.wxaPrefix}business/getuserphonenumber?access_token=${encodeURIComponent(accessToken)}`, {
        method: 'POST',
        dataType: 'json',
        data: JSON.stringify({ code }),
        headers: { 'Content-Type': 'application/json' },
      })) as { phone_info?: { phoneNumber: string; purePhoneNumber: string; countryCode: string } };
      const info = r?.phone_info;
      if (!info?.purePhoneNumber) throw new AppError(503, 'WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后再试');
      return { phone: String(info.countryCode) === '86' ? info.purePhoneNumber : info.phoneNumber };
    } catch (e) {
      if ((e as { code?: number }).code === 40029) throw new AppError(400, 'WECHAT_CODE_INVALID', '手机号授权已失效，请重新点击获取手机号');
      throw toAppError(e);
    }
  }
}

/** WeChat's error codes as answers our users can act on. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: number }).code;
  switch (code) {
    case 40029: // invalid code
    case 40163: // code been used
      return new AppError(400, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新登录');
    case 45011: // API minute-quota reach limit
      return new AppError(429, 'WECHAT_RATE_LIMITED', '登录太频繁，请稍后再试');
    case 40226: // high risk user
      return new AppError(403, 'WECHAT_USER_BLOCKED', '该微信账号暂时不能登录，请联系社区居委会');
    default: // -1 system busy, network errors, timeouts
      return new AppError(503, 'WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后再试');
  }
}
