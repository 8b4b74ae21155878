import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';

/** Payloads carry ids only; each subscriber loads the row through its own scope. */
export interface BindingChanged {
  bindingId: string;
  roomId: string;
}

export type Topics = { [topic: `bindings:user:${string}`]: [BindingChanged] };

export const bindingTopic = (userId: string) => `bindings:user:${userId}` as const;

/**
 * In-process pub/sub by default; through Redis when REDIS_URL is set, so several gateway
 * processes deliver each other's events.
 */
export function createGatewayPubSub(redisUrl?: string) {
  if (!redisUrl) return { pubSub: createPubSub<Topics>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub<Topics>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

export type GatewayPubSub = ReturnType<typeof createGatewayPubSub>['pubSub'];
