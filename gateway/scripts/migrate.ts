import 'reflect-metadata';
import { openDatabase } from '../src/core/db/orm';
import { databaseTarget } from '../src/core/db/orm-config';
import { loadConfig } from '../src/config';

/** Applies pending migrations to DATABASE_URL (or the embedded SQLite file), then exits. */
async function main() {
  const config = loadConfig();
  const orm = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  await orm.close(true);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
