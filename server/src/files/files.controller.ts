import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Public } from '../auth/decorators.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { StoredFile } from './stored-file.entity.js';
import { FILE_STORAGE, fileUrl, sniffImageType, type FileStorage } from './storage.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** A photo for a report or a resolution: jpeg, png or webp, at most 5 MB, recognised by its bytes. */
  @Post()
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async upload(@CurrentUser() user: AuthUser, @UploadedFile() file: { buffer: Buffer; size: number } | undefined) {
    if (!file) throw new AppError(400, 'FILE_MISSING', '请选择要上传的照片（表单字段 file）');
    const type = sniffImageType(file.buffer);
    if (!type) throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', '只能上传 JPG、PNG 或 WebP 格式的照片');
    const key = `${randomBytes(16).toString('hex')}.${type.ext}`;
    await this.storage.put(key, file.buffer, type.mimeType);
    const saved = await this.db.manager.save(StoredFile, { key, ownerId: user.id, mimeType: type.mimeType, size: file.size, createdAt: this.clock.now() });
    return { id: saved.id, url: fileUrl(key), mimeType: type.mimeType, size: file.size };
  }

  /** Photos are served by their unguessable key, so <image> tags in the mini-program need no header. */
  @Get(':key')
  @Public()
  async download(@Param('key') key: string, @Res() res: Response): Promise<void> {
    if (!/^[a-f0-9]{32}\.(jpg|png|webp)$/.test(key)) throw Errors.notFound('文件');
    const meta = await this.db.manager.findOneBy(StoredFile, { key });
    const stream = meta ? await this.storage.open(key) : null;
    if (!meta || !stream) throw Errors.notFound('文件');
    res.setHeader('Content-Type', meta.mimeType);
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    stream.pipe(res);
  }
}
