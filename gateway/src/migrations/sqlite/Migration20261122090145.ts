import { Migration } from '@mikro-orm/migrations';

export class Migration20261122090145 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`payment_order\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`user_id\` text not null, \`out_trade_no\` text not null, \`amount_fen\` bigint not null, \`line_ids\` json not null, \`status\` text check (\`status\` in ('CREATED', 'PAID', 'CLOSED', 'REFUNDED')) not null default 'CREATED', \`expires_at\` datetime not null, \`prepay_id\` text null, \`transaction_id\` text null, \`payment_id\` text null, \`out_refund_no\` text null, \`note\` text null, constraint \`payment_order_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`payment_order_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`payment_order_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, constraint \`payment_order_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`payment_order_estate_id_index\` on \`payment_order\` (\`estate_id\`);`);
    this.addSql(`create index \`payment_order_room_id_index\` on \`payment_order\` (\`room_id\`);`);
    this.addSql(`create index \`payment_order_customer_id_index\` on \`payment_order\` (\`customer_id\`);`);
    this.addSql(`create index \`payment_order_user_id_index\` on \`payment_order\` (\`user_id\`);`);
    this.addSql(`create unique index \`payment_order_out_trade_no_unique\` on \`payment_order\` (\`out_trade_no\`);`);
    this.addSql(`create index \`payment_order_status_expires_at_index\` on \`payment_order\` (\`status\`, \`expires_at\`);`);
  }

  override async down(): Promise<void> {
    // Written by hand: MikroORM generates no down() for SQLite.
    this.addSql(`drop table if exists \`payment_order\`;`);
  }

}
