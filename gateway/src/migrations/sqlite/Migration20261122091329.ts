import { Migration } from '@mikro-orm/migrations';

export class Migration20261122091329 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`bill_line\` add column \`late_fee_through\` text null;`);
  }

  override async down(): Promise<void> {
    // Written by hand: MikroORM generates no down() for SQLite.
    this.addSql(`alter table \`bill_line\` drop column \`late_fee_through\`;`);
  }

}
