import { Migration } from '@mikro-orm/migrations';

export class Migration20261122090626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`message\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`customer_id\` text not null, \`kind\` text not null, \`channel\` text check (\`channel\` in ('IN_APP', 'SMS')) not null, \`title\` text not null, \`body\` text not null, \`status\` text check (\`status\` in ('SENT', 'FAILED')) not null, \`error\` text null, \`sent_by\` text null, \`read_at\` datetime null, constraint \`message_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`message_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`message_estate_id_index\` on \`message\` (\`estate_id\`);`);
    this.addSql(`create index \`message_customer_id_index\` on \`message\` (\`customer_id\`);`);
    this.addSql(`create index \`message_customer_id_created_at_index\` on \`message\` (\`customer_id\`, \`created_at\`);`);

    // By hand: SQLite keeps enum values in a CHECK constraint, so adding BANK_COLLECTION rebuilds the table.
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`payment__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`receipt_no\` text not null, \`method\` text check (\`method\` in ('CASH', 'CARD', 'BANK_TRANSFER', 'WECHAT', 'BANK_COLLECTION')) not null, \`amount_fen\` bigint not null, \`prepaid_fen\` bigint not null default 0, \`paid_at\` datetime not null, \`cashier_id\` text null, \`reversal_of\` text null, \`reversed_by\` text null, \`note\` text null, \`external_ref\` text null, constraint \`payment_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`payment_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`payment_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, constraint \`payment_cashier_id_foreign\` foreign key(\`cashier_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`payment__temp_alter\` (id, created_at, estate_id, room_id, customer_id, receipt_no, method, amount_fen, prepaid_fen, paid_at, cashier_id, reversal_of, reversed_by, note) select id, created_at, estate_id, room_id, customer_id, receipt_no, method, amount_fen, prepaid_fen, paid_at, cashier_id, reversal_of, reversed_by, note from \`payment\`;`);
    this.addSql(`drop table \`payment\`;`);
    this.addSql(`alter table \`payment__temp_alter\` rename to \`payment\`;`);
    this.addSql(`create index \`payment_estate_id_index\` on \`payment\` (\`estate_id\`);`);
    this.addSql(`create index \`payment_room_id_index\` on \`payment\` (\`room_id\`);`);
    this.addSql(`create index \`payment_customer_id_index\` on \`payment\` (\`customer_id\`);`);
    this.addSql(`create index \`payment_cashier_id_index\` on \`payment\` (\`cashier_id\`);`);
    this.addSql(`create index \`payment_estate_id_paid_at_index\` on \`payment\` (\`estate_id\`, \`paid_at\`);`);
    this.addSql(`create unique index \`payment_estate_id_receipt_no_unique\` on \`payment\` (\`estate_id\`, \`receipt_no\`);`);
    this.addSql(`pragma foreign_keys = on;`);
    this.addSql(`create unique index \`payment_estate_id_external_ref_unique\` on \`payment\` (\`estate_id\`, \`external_ref\`);`);
  }

  override async down(): Promise<void> {
    // Written by hand: MikroORM generates no down() for SQLite. The wider CHECK on payment.method stays.
    this.addSql(`drop table if exists \`message\`;`);
    this.addSql(`drop index if exists \`payment_estate_id_external_ref_unique\`;`);
    this.addSql(`alter table \`payment\` drop column \`external_ref\`;`);
  }

}
