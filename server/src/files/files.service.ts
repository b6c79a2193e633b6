import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { StoredFile } from './stored-file.entity.js';
import { FILE_STORAGE, fileUrl, sniffImageType, type FileStorage } from './storage.js';

const KEY = /^[a-f0-9]{32}\.(jpg|png|webp)$/;

/** Photos: accepted by their bytes, stored under an unguessable key, recorded with their owner. */
@Injectable()
export class FilesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async store(ownerId: number, file: { buffer: Buffer; size: number } | undefined) {
    if (!file) throw new AppError(400, 'FILE_MISSING', '请选择要上传的照片（表单字段 file）');
    const type = sniffImageType(file.buffer);
    if (!type) throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', '只能上传 JPG、PNG 或 WebP 格式的照片');
    const key = `${randomBytes(16).toString('hex')}.${type.ext}`;
    await this.storage.put(key, file.buffer, type.mimeType);
    const saved = await this.db.manager.save(StoredFile, { key, ownerId, mimeType: type.mimeType, size: file.size, createdAt: this.clock.now() });
    return { id: saved.id, url: fileUrl(key), mimeType: type.mimeType, size: file.size };
  }

  /** The bytes and type of a stored photo; 404 for a key that is malformed, unknown or whose bytes are gone. */
  async open(key: string): Promise<{ mimeType: string; stream: Readable }> {
    if (!KEY.test(key)) throw Errors.notFound('文件');
    const meta = await this.db.manager.findOneBy(StoredFile, { key });
    const stream = meta ? await this.storage.open(key) : null;
    if (!meta || !stream) throw Errors.notFound('文件');
    return { mimeType: meta.mimeType, stream };
  }
}
