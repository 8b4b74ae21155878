import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { badInput } from './errors';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min, MaxLength } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor?: string | null;

  @Field(() => Boolean)
  hasNextPage: boolean;
}

/** Cursor pagination arguments; page size is capped so no list can be fetched whole. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1, { message: '每页条数至少为1' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多${MAX_PAGE_SIZE}条` })
  first: number;

  @Field(() => String, { nullable: true })
  @MaxLength(512, { message: '分页游标无效' })
  after?: string;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A named connection type for a node type: `RoomConnection { nodes, pageInfo, totalCount }`. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(name)
  class ConnectionClass {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}


/** A cursor is MikroORM's base64url JSON array of the order-by values; anything else is refused. */
export function assertCursor(after: string | undefined, keys: number): void {
  if (after === undefined || after === null) return;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const ok =
    Array.isArray(decoded) &&
    decoded.length === keys &&
    decoded.every((v) => (typeof v === 'string' && v.length <= 64) || typeof v === 'number');
  if (!ok) throw badInput([{ field: 'after', message: '分页游标无效' }]);
}

/** One page of a scoped query, newest-first or by the given order, with a total count. */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  orderBy: Record<string, 'asc' | 'desc'>,
): Promise<Connection<T>> {
  assertCursor(args.after, Object.keys(orderBy).length);
  const cursor = await em.findByCursor(entity, where, {
    first: args.first,
    after: args.after ?? undefined,
    orderBy: orderBy as never,
    includeCount: true,
  });
  return {
    nodes: cursor.items,
    totalCount: cursor.totalCount,
    pageInfo: { endCursor: cursor.endCursor, hasNextPage: cursor.hasNextPage },
  };
}
