import { Migration } from '@mikro-orm/migrations';

export class Migration20261122092720 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`charge_item\` add column \`tiers\` json null;`);
  }

  override async down(): Promise<void> {
    // Written by hand: MikroORM generates no down() for SQLite.
    this.addSql(`alter table \`charge_item\` drop column \`tiers\`;`);
  }

}
