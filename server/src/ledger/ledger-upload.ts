import { PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { AppError } from '../common/app-error.js';

/**
 * One file in the multipart field `file`, kept in memory up to `maxBytes`: past that multer stops reading it into
 * memory and the answer is 413 FILE_TOO_LARGE saying the limit, whatever the file's size.
 */
export function FileUpload(maxBytes: number, what: string): Type<NestInterceptor> {
  const Base = FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 512 * 1024 } });
  class Upload extends Base {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (e) {
        if (e instanceof PayloadTooLargeException) throw new AppError(413, 'FILE_TOO_LARGE', `${what}不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请拆分后分批上传`);
        throw e;
      }
    }
  }
  return Upload;
}
