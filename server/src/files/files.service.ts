import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { In, IsNull, LessThan, Like, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { TicketEvent } from '../tickets/entities/ticket-event.entity.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { VISIT_WINDOW_MS, WechatGateway } from '../wechat/wechat.gateway.js';
import { WechatVisit } from '../wechat/wechat-visit.entity.js';
import { StoredFile, type PhotoCheckStatus } from './stored-file.entity.js';
import { FILE_STORAGE, fileUrl, sniffImageType, type FileStorage } from './storage.js';

const KEY = /^[a-f0-9]{32}\.(jpg|png|webp)$/;

/** Photos: accepted by their bytes, stored under an unguessable key, recorded with their owner. */
@Injectable()
export class FilesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WechatGateway) private readonly wechat: WechatGateway,
  ) {}

  /**
   * The per-user upload rate and daily quota, counted in the database so every process shares them
   * (429 otherwise). Checked before the body is read (UploadQuotaGuard); a burst of parallel uploads may
   * pass a few over, which the quota's size allows for.
   */
  async assertQuota(ownerId: number): Promise<void> {
    const now = this.clock.now().getTime();
    const row = await this.db.manager
      .createQueryBuilder(StoredFile, 'f')
      .select('COUNT(*)', 'day')
      .addSelect('SUM(CASE WHEN f.createdAt >= :minute THEN 1 ELSE 0 END)', 'minute')
      .where('f.ownerId = :ownerId AND f.createdAt >= :day', { ownerId, day: new Date(now - 24 * 3_600_000), minute: new Date(now - 60_000) })
      .getRawOne<{ day: string | number; minute: string | number | null }>();
    const { uploadsPerMinute, uploadsPerDay } = this.config.rateLimits;
    if (Number(row?.day ?? 0) >= uploadsPerDay) throw new AppError(429, 'UPLOAD_QUOTA_EXCEEDED', `每人每天最多上传 ${uploadsPerDay} 张照片，请明天再上传`);
    if (Number(row?.minute ?? 0) >= uploadsPerMinute) throw new AppError(429, 'RATE_LIMITED', '上传太频繁，请稍后再试');
  }

  /** Marks photos as used by a report or a result, in the caller's transaction: they are kept from now on. */
  static async attach(em: EntityManager, ids: number[], at: Date): Promise<void> {
    if (ids.length) await em.update(StoredFile, { id: In(ids), attachedAt: IsNull() }, { attachedAt: at });
  }

  /** Removes photos uploaded more than a day ago that nothing uses (a report abandoned halfway). */
  async removeUnattached(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - 24 * 3_600_000);
    const stale = await this.db.manager.find(StoredFile, { where: { attachedAt: IsNull(), createdAt: LessThan(before) }, take: 500 });
    for (const f of stale) await this.storage.remove(f.key);
    if (stale.length) await this.db.manager.delete(StoredFile, { id: In(stale.map((f) => f.id)) });
    return stale.length;
  }

  async store(ownerId: number, file: { buffer: Buffer; size: number } | undefined) {
    if (!file) throw new AppError(400, 'FILE_MISSING', '请选择要上传的照片（表单字段 file）');
    const type = sniffImageType(file.buffer);
    if (!type) throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', '只能上传 JPG、PNG 或 WebP 格式的照片，请换一张');
    const key = `${randomBytes(16).toString('hex')}.${type.ext}`;
    await this.storage.put(key, file.buffer, type.mimeType);
    const saved = await this.db.manager.save(StoredFile, { key, ownerId, mimeType: type.mimeType, size: file.size, createdAt: this.clock.now(), checkTraceId: null, checkStatus: null });
    const check = await this.askMediaCheck(ownerId, key);
    await this.db.manager.update(StoredFile, { id: saved.id }, check);
    return { id: saved.id, url: fileUrl(key), mimeType: type.mimeType, size: file.size };
  }

  /**
   * Photos in use that were left `unchecked` (WeChat unreachable, or their uploader not seen within two
   * hours) are asked about again once their uploader is back in the mini-program, a batch per
   * housekeeping pass. Two processes may ask about one photo; the second answer finds it no longer
   * unchecked and is dropped, and WeChat's verdict on it names a trace id nobody waits for.
   */
  async recheckUnchecked(limit = 50): Promise<number> {
    if (!this.wechat.configured || !this.config.publicBaseUrl) return 0;
    const since = new Date(this.clock.now().getTime() - VISIT_WINDOW_MS);
    const due = await this.db.manager
      .createQueryBuilder(StoredFile, 'f')
      .innerJoin(User, 'u', 'u.id = f.ownerId')
      .innerJoin(WechatVisit, 'v', 'v.openid = u.openid')
      .select(['f.id AS id', 'f.ownerId AS ownerId', 'f.key AS fileKey'])
      .where("f.checkStatus = 'unchecked' AND f.attachedAt IS NOT NULL AND v.seenAt >= :since", { since })
      .orderBy('f.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number; ownerId: number; fileKey: string }>();
    let asked = 0;
    for (const f of due) {
      const check = await this.askMediaCheck(Number(f.ownerId), f.fileKey);
      if (check.checkStatus !== 'pending') continue;
      const r = await this.db.manager.update(StoredFile, { id: Number(f.id), checkStatus: 'unchecked' }, check);
      asked += r.affected ?? 0;
    }
    return asked;
  }

  /**
   * Asks WeChat to check the photo (mediaCheckAsync: it fetches the photo from PUBLIC_BASE_URL and
   * pushes its verdict later). WeChat only takes the openid of a user seen within two hours: without
   * one, or without WeChat, the photo is `unchecked` and stays visible (docs/security.md).
   */
  private async askMediaCheck(ownerId: number, key: string): Promise<{ checkTraceId: string | null; checkStatus: PhotoCheckStatus }> {
    const unchecked = { checkTraceId: null, checkStatus: 'unchecked' as const };
    if (!this.wechat.configured || !this.config.publicBaseUrl) return unchecked;
    const openid = await this.wechat.checkableOpenid(ownerId);
    if (!openid) return unchecked;
    // Scene 3 (论坛): report photos are read by others, as report texts are.
    const r = await this.wechat.mediaCheckAsync({ openid, scene: 3, mediaUrl: `${this.config.publicBaseUrl}${fileUrl(key)}` });
    return 'traceId' in r ? { checkTraceId: r.traceId.slice(0, 64), checkStatus: 'pending' } : unchecked;
  }

  /**
   * WeChat's verdict on a photo (wxa_media_check push). A risky photo is hidden everywhere from now on,
   * and its uploader and the committees of the communities whose reports show it are told. An unknown
   * trace id or a verdict already recorded changes nothing.
   */
  async recordMediaCheck(traceId: string, suggest: string): Promise<void> {
    const status: PhotoCheckStatus | null = suggest === 'risky' ? 'risky' : suggest === 'pass' ? 'pass' : suggest === 'review' ? 'review' : null;
    if (!status) return;
    await this.db.transaction(async (em) => {
      const file = await em.findOneBy(StoredFile, { checkTraceId: traceId });
      if (!file || file.checkStatus !== 'pending') return;
      await em.update(StoredFile, { id: file.id, checkStatus: 'pending' }, { checkStatus: status });
      if (status !== 'risky') return;
      const now = this.clock.now();
      const pattern = Like(`%${file.key}%`);
      const events = await em.find(TicketEvent, { where: { photoKeys: pattern }, select: { id: true, ticketId: true } });
      const tickets = await em.find(Ticket, {
        where: [{ photoKeys: pattern }, { resolutionPhotoKeys: pattern }, ...(events.length ? [{ id: In(events.map((e) => e.ticketId)) }] : [])],
        select: { id: true, communityId: true },
      });
      const communityIds = [...new Set(tickets.map((t) => t.communityId))];
      const committee = communityIds.length ? await em.find(RoleAssignment, { where: { role: 'committee_member', communityId: In(communityIds) }, select: { userId: true } }) : [];
      // An avatar goes from the profile: nobody sees it again, and the owner may choose another.
      const avatar = await em.update(User, { avatarKey: file.key }, { avatarKey: null });
      if (avatar.affected) {
        const notice = { type: 'photo_removed', title: '头像已移除', body: '您的头像未通过微信内容安全检测，已移除，请重新选择', ticketId: null, communityId: null };
        await enqueueNotifications(em, [file.ownerId], notice, now, null);
      }
      if (avatar.affected && tickets.length === 0) return;
      const draft = { type: 'photo_removed', title: '照片已隐藏', body: '一张照片未通过微信内容安全检测，已隐藏', ticketId: tickets.length === 1 ? tickets[0].id : null, communityId: communityIds.length === 1 ? communityIds[0] : null };
      await enqueueNotifications(em, [file.ownerId], draft, now, draft.ticketId ? 'resident' : null);
      await enqueueNotifications(em, committee.map((r) => r.userId).filter((id) => id !== file.ownerId), draft, now, draft.ticketId ? 'overseer' : null);
    });
  }

  /** The bytes and type of a stored photo; 404 for a key that is malformed, unknown, found risky, or whose bytes are gone. */
  async open(key: string): Promise<{ mimeType: string; stream: Readable }> {
    if (!KEY.test(key)) throw Errors.notFound('文件');
    const meta = await this.db.manager.findOneBy(StoredFile, { key });
    if (meta?.checkStatus === 'risky') throw Errors.notFound('文件');
    const stream = meta ? await this.storage.open(key) : null;
    if (!meta || !stream) throw Errors.notFound('文件');
    return { mimeType: meta.mimeType, stream };
  }
}

/** Refuses an upload over the rate or the quota before its body is read. */
@Injectable()
export class UploadQuotaGuard implements CanActivate {
  constructor(@Inject(FilesService) private readonly files: FilesService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    await this.files.assertQuota(ctx.switchToHttp().getRequest().user.id);
    return true;
  }
}
