import { connect, createBenchDatabase } from './database';
import { seedEstate } from './seed';
async function main() {
  await createBenchDatabase();
  const c = await connect('wuye_bench');
  const e = await seedEstate(c);
  console.log(e.estateId);
  await c.end();
}
main();
