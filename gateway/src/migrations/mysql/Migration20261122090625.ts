import { Migration } from '@mikro-orm/migrations';

export class Migration20261122090625 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`message\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`customer_id\` varchar(36) not null, \`kind\` varchar(32) not null, \`channel\` enum('IN_APP', 'SMS') not null, \`title\` varchar(64) not null, \`body\` varchar(500) not null, \`status\` enum('SENT', 'FAILED') not null, \`error\` varchar(255) null, \`sent_by\` varchar(36) null, \`read_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`message\` add index \`message_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`message\` add index \`message_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`message\` add index \`message_customer_id_created_at_index\`(\`customer_id\`, \`created_at\`);`);

    this.addSql(`alter table \`message\` add constraint \`message_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`message\` add constraint \`message_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`payment\` add \`external_ref\` varchar(64) null;`);
    this.addSql(`alter table \`payment\` modify \`method\` enum('CASH', 'CARD', 'BANK_TRANSFER', 'WECHAT', 'BANK_COLLECTION') not null;`);
    this.addSql(`alter table \`payment\` add unique \`payment_estate_id_external_ref_unique\`(\`estate_id\`, \`external_ref\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`message\`;`);

    this.addSql(`alter table \`payment\` drop index \`payment_estate_id_external_ref_unique\`;`);
    this.addSql(`alter table \`payment\` drop column \`external_ref\`;`);

    this.addSql(`alter table \`payment\` modify \`method\` enum('CASH', 'CARD', 'BANK_TRANSFER', 'WECHAT') not null;`);
  }

}
