import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { AppError, ErrorCode } from '../errors';
import { MAX_PAGE_SIZE } from '../pagination';

/** A list field without a page size is assumed to return this many rows when estimating cost. */
const DEFAULT_LIST_SIZE = 10;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/**
 * Depth and estimated cost of an operation. Cost counts each field once per parent row; a list
 * multiplies its children by its `first` argument (capped at the page size) or a default.
 */
export function measure(walk: Walk, type: GraphQLNamedType, selectionSet: SelectionSetNode, multiplier = 1, visited = new Set<string>()): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      const field: GraphQLField<unknown, unknown> | undefined =
        isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
      cost += multiplier;
      if (!sel.selectionSet || !field) {
        depth = Math.max(depth, 1);
        continue;
      }
      const returnType = getNullableType(field.type);
      let childMultiplier = multiplier;
      const first = argValue(sel.arguments?.find((a) => a.name.value === 'first')?.value, walk.variables);
      if (typeof first === 'number') {
        childMultiplier *= Math.min(first, MAX_PAGE_SIZE); // a list or a connection with a page size
      } else if (isListType(returnType) && !type.name.endsWith('Connection')) {
        childMultiplier *= DEFAULT_LIST_SIZE; // a connection's `nodes` were counted by its `first`
      }
      const child = measure(walk, getNamedType(field.type), sel.selectionSet, childMultiplier, visited);
      depth = Math.max(depth, child.depth + 1);
      cost += child.cost;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const onType = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) ?? type : type;
      const child = measure(walk, onType, sel.selectionSet, multiplier, visited);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    } else {
      const fragment = walk.fragments[sel.name.value];
      if (!fragment || visited.has(fragment.name.value)) continue; // cycles are graphql validation's job
      const next = new Set(visited).add(fragment.name.value);
      const onType = walk.schema.getType(fragment.typeCondition.name.value) ?? type;
      const child = measure(walk, onType, fragment.selectionSet, multiplier, next);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    }
  }
  return { depth, cost };
}

/** Throws a typed BAD_USER_INPUT when an operation is nested deeper than maxDepth or estimated above maxCost. */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxDepth: number,
  maxCost: number,
): void {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return;
  const { depth, cost } = measure({ schema, fragments, variables }, root, operation.selectionSet);
  if (depth > maxDepth) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `查询嵌套过深（最多${maxDepth}层）`, { reason: `depth ${depth} > ${maxDepth}`, http: { status: 400 } });
  }
  if (cost > maxCost) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, '查询过于复杂，请减少字段或分页条数', { reason: `cost ${cost} > ${maxCost}`, http: { status: 400 } });
  }
}

/** Refuses operations nested deeper than maxDepth or estimated above maxCost, before executing them. */
export function queryLimitsPlugin(maxDepth: number, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (operation) checkQueryLimits(schema, document, operation, request.variables ?? {}, maxDepth, maxCost);
        },
      };
    },
  };
}
