import { HttpException } from '@nestjs/common';
import type { API_ERROR_STATUS, ApiErrorCode, ApiErrorCodeWith } from '@linli/shared';

/** A code with the one status it comes with (shared/src/api.ts): `new AppError(422, 'FILE_MISSING', …)` does not compile. */
type ErrorStatus = (typeof API_ERROR_STATUS)[ApiErrorCode];
type StatusAndCode = { [S in ErrorStatus]: [status: S, code: ApiErrorCodeWith<S>, message: string] }[ErrorStatus];

/** Every refusal the API gives on purpose: a status, a stable code, a message people can read. */
export class AppError extends HttpException {
  readonly code: ApiErrorCode;

  constructor(...[status, code, message]: StatusAndCode) {
    super({ statusCode: status, code, message }, status);
    this.code = code;
  }
}

export const Errors = {
  validation: (message: string) => new AppError(400, 'VALIDATION_FAILED', message),
  unauthenticated: (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message),
  tokenExpired: () => new AppError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录'),
  forbidden: (message = '您的身份不能执行此操作，如需办理请联系社区居委会') => new AppError(403, 'FORBIDDEN', message),
  notFound: (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或已被删除，请返回刷新后再试`),
  invalidState: (message: string) => new AppError(409, 'TICKET_INVALID_STATE', message),
  conflict: (message = '该报事刚被他人更新，请刷新后重试') => new AppError(409, 'TICKET_CONFLICT', message),
  unprocessable: (code: ApiErrorCodeWith<422>, message: string) => new AppError(422, code, message),
};
