import { Migration } from '@mikro-orm/migrations';

export class Migration20261122091329 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`bill_line\` add \`late_fee_through\` varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`bill_line\` drop column \`late_fee_through\`;`);
  }

}
