import { Controller, Get, Inject, Param, Post, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Public } from '../auth/decorators.js';
import { FilesService, UploadQuotaGuard } from './files.service.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(@Inject(FilesService) private readonly files: FilesService) {}

  /** A photo for a report or a resolution: jpeg, png or webp, at most 5 MB, recognised by its bytes. */
  @Post()
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseGuards(UploadQuotaGuard)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async upload(@CurrentUser() user: AuthUser, @UploadedFile() file: { buffer: Buffer; size: number } | undefined) {
    return this.files.store(user.id, file);
  }

  /** Photos are served by their unguessable key, so <image> tags in the mini-program need no header. */
  @Get(':key')
  @Public()
  async download(@Param('key') key: string, @Res() res: Response): Promise<void> {
    const { mimeType, stream } = await this.files.open(key);
    res.setHeader('Content-Type', mimeType);
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    stream.pipe(res);
  }
}
