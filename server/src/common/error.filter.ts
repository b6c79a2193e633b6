import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiError, ApiErrorCode } from '@linli/shared';
import { DB_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './db-unavailable.js';

/** Codes for the framework's own HTTP errors (ParseIntPipe, multer), which carry none of ours. */
const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'FILE_TOO_LARGE', // only uploads raise a 413 HttpException; an oversized JSON body is handled below
  429: 'RATE_LIMITED',
};

/** One error shape for every refusal: {statusCode, code, message, requestId}. Never a stack trace. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string; log?: { error: (o: object, m: string) => void } }>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception, req);
    if (body.code === 'DB_UNAVAILABLE') {
      // Expected while the database restarts: one line, no stack, and a time to come back.
      res.setHeader('Retry-After', String(DB_RETRY_AFTER_SECONDS));
      (req.log ?? this.logger).error({ requestId: body.requestId, path: req.url, reason: reasonOf(exception) } as never, 'database unavailable');
    } else if (body.statusCode >= 500) {
      (req.log ?? this.logger).error({ err: exception, requestId: body.requestId, path: req.url } as never, 'unexpected error');
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request & { id?: string }): ApiError {
    const requestId = String(req.id); // requestLogger gives every request one
    // Express' body parser (mapped to HttpException by the adapter): malformed JSON, or a body over the limit.
    const cause = (exception as { cause?: { type?: string } })?.cause ?? (exception as { type?: string });
    if (cause?.type === 'entity.parse.failed') return { statusCode: 400, code: 'INVALID_JSON', message: '请求体不是合法的 JSON', requestId };
    if (cause?.type === 'entity.too.deep') return { statusCode: 400, code: 'JSON_TOO_DEEP', message: '请求体嵌套层数过多', requestId };
    if (cause?.type === 'entity.too.large') return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求体过大', requestId };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse() as string | { code?: ApiErrorCode; message?: string | string[] };
      const code = typeof response === 'object' && response.code ? response.code : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'));
      let message = typeof response === 'string' ? response : response.message ?? exception.message;
      if (Array.isArray(message)) message = message.join('; ');
      if (status === 413 && !(typeof response === 'object' && response.code)) message = '照片不能超过 5 MB，请压缩或重新拍摄后上传';
      if (status === 404 && !(typeof response === 'object' && response.code)) {
        return { statusCode: 404, code: 'NOT_FOUND_ROUTE', message: `没有这个接口: ${req.method} ${req.path}`, requestId };
      }
      return { statusCode: status, code, message, requestId };
    }
    if (isDatabaseUnavailable(exception)) return { statusCode: 503, code: 'DB_UNAVAILABLE', message: '服务暂时连接不上数据库，请稍后再试', requestId };
    return { statusCode: 500, code: 'INTERNAL', message: '服务器开小差了，请稍后再试', requestId };
  }
}

function reasonOf(exception: unknown): string {
  const e = exception as { code?: string; driverError?: { code?: string }; message?: string };
  return e.code ?? e.driverError?.code ?? e.message ?? 'unknown';
}
