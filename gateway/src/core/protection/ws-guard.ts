import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { AppError, ErrorCode } from '../errors';
import { checkQueryLimits } from './query-limits';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** A graphql-js request error, tagged with the code Apollo would give it so formatError treats it alike. */
function requestError(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}

/**
 * graphql-ws parses, validates and executes operations itself, outside Apollo's request pipeline.
 * Without these hooks a WebSocket client would skip the depth and cost limits (one deep
 * room{bindings{room…}} query exhausts the heap), read the schema by introspection in production,
 * and get errors that formatError never saw.
 */
export function wsGuard<P extends Record<string, unknown>>(opts: {
  schema: GraphQLSchema;
  production: boolean;
  maxDepth: number;
  maxCost: number;
  formatError: FormatError;
}): Pick<ServerOptions<P>, 'onSubscribe' | 'onError' | 'onNext'> {
  const rules = opts.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => opts.formatError(e.toJSON(), e));

  return {
    onSubscribe(_ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] {
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (err) {
        return [err instanceof GraphQLError ? requestError(err, 'GRAPHQL_PARSE_FAILED') : new AppError(ErrorCode.BAD_USER_INPUT, '请求格式错误')];
      }
      const invalid = validate(opts.schema, document, rules, { hideSuggestions: opts.production });
      if (invalid.length > 0) return invalid.map((e) => requestError(e, 'GRAPHQL_VALIDATION_FAILED'));
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [new AppError(ErrorCode.BAD_USER_INPUT, '请求格式错误', { reason: 'no operation to run' })];
      const variables = getVariableValues(opts.schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
      if (variables.errors) return variables.errors.map((e) => requestError(e, 'BAD_USER_INPUT'));
      try {
        checkQueryLimits(opts.schema, document, operation, variables.coerced, opts.maxDepth, opts.maxCost);
      } catch (err) {
        if (err instanceof AppError) return [err];
        throw err;
      }
      return { schema: opts.schema, document, operationName: payload.operationName, variableValues: payload.variables };
    },
    onError(_ctx, _id, _payload, errors) {
      return format(errors);
    },
    onNext(_ctx, _id, _payload, _args, result) {
      return result.errors ? { ...result, errors: format(result.errors) } : undefined;
    },
  };
}
