import { Migration } from '@mikro-orm/migrations';

export class Migration20261122090145 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`payment_order\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) null, \`user_id\` varchar(36) not null, \`out_trade_no\` varchar(32) not null, \`amount_fen\` bigint not null, \`line_ids\` json not null, \`status\` enum('CREATED', 'PAID', 'CLOSED', 'REFUNDED') not null default 'CREATED', \`expires_at\` datetime not null, \`prepay_id\` varchar(64) null, \`transaction_id\` varchar(32) null, \`payment_id\` varchar(36) null, \`out_refund_no\` varchar(64) null, \`note\` varchar(255) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`payment_order\` add unique \`payment_order_out_trade_no_unique\`(\`out_trade_no\`);`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_status_expires_at_index\`(\`status\`, \`expires_at\`);`);

    this.addSql(`alter table \`payment_order\` add constraint \`payment_order_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`payment_order\` add constraint \`payment_order_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`payment_order\` add constraint \`payment_order_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`payment_order\` add constraint \`payment_order_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`payment_order\`;`);
  }

}
