import { ensurePortalBuilt } from './portal';

/**
 * Builds the web portal once, before the workers start: test files run in parallel, and two of
 * them building into the same portal/dist (Taro empties it first) would break each other.
 */
export default function globalSetup(): void {
  ensurePortalBuilt();
}
