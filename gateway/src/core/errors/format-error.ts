import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { AppError, type FieldError } from './app-error';
import { ErrorCode, defaultMessages } from './codes';
import type { Logger } from '../logger';

/** Errors raised by graphql-js / Apollo about the request itself: safe to explain, never internal. */
const REQUEST_ERROR_CODES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '请求格式错误',
  GRAPHQL_VALIDATION_FAILED: '请求不符合接口定义',
  BAD_USER_INPUT: defaultMessages[ErrorCode.BAD_USER_INPUT],
  BAD_REQUEST: '请求格式错误',
  OPERATION_RESOLUTION_FAILURE: '请求格式错误',
  PERSISTED_QUERY_NOT_FOUND: '请求格式错误',
  PERSISTED_QUERY_NOT_SUPPORTED: '请求格式错误',
};

function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(e.children ?? [], field)];
  });
}

/**
 * The one place where errors become what a client sees: a code from ErrorCode, a Chinese message,
 * and never a stack trace or SQL. Anything unexpected is logged and answered as INTERNAL.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      // `http` sets the status code only; `stacktrace` never leaves the server.
      const { stacktrace: _stack, http: _http, ...extensions } = (original.extensions ?? {}) as Record<string, unknown>;
      return { ...base, message: original.message, extensions };
    }
    if (original instanceof ArgumentValidationError) {
      const fieldErrors = fieldErrorsOf(original.extensions.validationErrors as unknown as ValidationError[]);
      const message = fieldErrors[0]?.message ?? defaultMessages[ErrorCode.BAD_USER_INPUT];
      return { ...base, message, extensions: { code: ErrorCode.BAD_USER_INPUT, fieldErrors } };
    }
    if (original instanceof AuthenticationError) {
      return { ...base, message: defaultMessages.UNAUTHENTICATED, extensions: { code: ErrorCode.UNAUTHENTICATED } };
    }
    if (original instanceof AuthorizationError) {
      return { ...base, message: defaultMessages.FORBIDDEN, extensions: { code: ErrorCode.FORBIDDEN } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code in REQUEST_ERROR_CODES) {
      // graphql-js messages describe the query document, not our data: keep them as the reason.
      return { ...base, message: REQUEST_ERROR_CODES[code], extensions: { code: ErrorCode.BAD_USER_INPUT, reason: formatted.message } };
    }
    logger.error({ err: original }, 'internal error in GraphQL operation');
    return { ...base, message: defaultMessages.INTERNAL, extensions: { code: ErrorCode.INTERNAL } };
  };
}
