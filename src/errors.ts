// Errors a use case raises on purpose. Each carries the HTTP status and a message in Chinese that
// the person who caused it can act on; the error handler sends them as { error: { code, message } }.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const invalid = (message: string, details?: unknown) => new AppError(400, 'invalid', message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (message = '找不到该记录') => new AppError(404, 'not_found', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const locked = (message: string) => new AppError(423, 'locked', message);
