import { GraphQLError } from 'graphql';
import { ErrorCode, defaultMessages } from './codes';

export interface FieldError {
  field: string;
  message: string;
}

/** An error meant for the client: a code, a Chinese message, and optional details. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessages[code],
    extra: { fieldErrors?: FieldError[]; reason?: string; retryAfterSeconds?: number; http?: { status: number } } = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message?: string) => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message?: string) => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (message?: string) => new AppError(ErrorCode.NOT_FOUND, message);
export const conflict = (message?: string, reason?: string) => new AppError(ErrorCode.CONFLICT, message, { reason });
export const rateLimited = (retryAfterSeconds: number, message?: string) =>
  new AppError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });

export function badInput(fieldErrors: FieldError[] | string, reason?: string): AppError {
  if (typeof fieldErrors === 'string') return new AppError(ErrorCode.BAD_USER_INPUT, fieldErrors, { reason });
  const message = fieldErrors.length === 1 ? fieldErrors[0].message : defaultMessages[ErrorCode.BAD_USER_INPUT];
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { fieldErrors, reason });
}
