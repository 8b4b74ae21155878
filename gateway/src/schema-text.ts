import { lexicographicSortSchema, printSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildGatewaySchema } from './schema';

const HEADER = '# 物业平台 GraphQL contract. Emitted by the gateway (npm run schema:emit); do not edit by hand.\n\n';

/** The schema as committed in schema/schema.graphql: sorted, so the diff shows real changes only. */
export async function printSchemaText(): Promise<string> {
  const schema = await buildGatewaySchema(createPubSub() as never);
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
