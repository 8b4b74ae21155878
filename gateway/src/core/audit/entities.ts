import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity } from '../entity-base';
import { ScopedBy } from '../scope/scope';

/**
 * 审计日志: who did what to which row, with before/after. Ids are kept as plain strings (no
 * foreign keys) so the log outlives what it describes.
 */
@ObjectType({ description: '审计日志' })
@Entity()
@Index({ properties: ['estateId', 'createdAt'] })
@ScopedBy<AuditEntry>((s) => ({ estateId: { $in: s.auditEstateIds } }))
export class AuditEntry extends BaseEntity {
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  actorUserId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  actorName: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  estateId?: string | null;

  @Field(() => String, { description: '操作，如 room.generate' })
  @Property({ type: 'string', length: 64 })
  action: string;

  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  entityId?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after?: unknown;

  @Property({ type: 'string', length: 36, nullable: true })
  requestId?: string | null;
}
