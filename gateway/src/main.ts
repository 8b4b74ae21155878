import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './core/logger';
import { startGateway } from './app';

/** Start-up only: config → database → server; stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const gateway = await startGateway(config, { logger });
  const db = config.databaseUrl ? 'MySQL/MariaDB' : `embedded SQLite (${config.dataDir})`;
  logger.info({ url: gateway.url, database: db }, 'gateway started');
  process.stdout.write(`\n  物业平台已启动 / gateway ready:  ${gateway.url}/  (API ${gateway.url}/graphql, database: ${db})\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await gateway.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  // eslint-disable-next-line no-console
  console.error('gateway failed to start:', err);
  process.exit(1);
});
