import { Migration } from '@mikro-orm/migrations';

export class Migration20261122085619 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`charge_item\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`code\` varchar(32) not null, \`name\` varchar(64) not null, \`kind\` enum('PERIODIC_AREA', 'PERIODIC_FIXED', 'METERED', 'SHARED', 'ONE_OFF') not null, \`price_units\` int not null default 0, \`fixed_fen\` int not null default 0, \`due_day\` int not null default 15, \`late_fee_grace_days\` int not null default 0, \`late_fee_rate_ppm\` int not null default 0, \`late_fee_cap_at_principal\` tinyint(1) not null default true, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`charge_item\` add index \`charge_item_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`charge_item\` add unique \`charge_item_estate_id_code_unique\`(\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`bill_run\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`period\` varchar(7) not null, \`status\` enum('RUNNING', 'DONE', 'FAILED') not null default 'RUNNING', \`rooms_total\` int not null default 0, \`rooms_done\` int not null default 0, \`lines_created\` int not null default 0, \`error\` varchar(255) null, \`finished_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`bill_run\` add index \`bill_run_estate_id_index\`(\`estate_id\`);`);

    this.addSql(`create table \`receipt_counter\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`year\` int not null, \`last\` int not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`receipt_counter\` add unique \`receipt_counter_estate_id_year_unique\`(\`estate_id\`, \`year\`);`);

    this.addSql(`create table \`room_charge\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`item_id\` varchar(36) not null, \`start_date\` varchar(10) not null, \`end_date\` varchar(10) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`room_charge\` add index \`room_charge_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`room_charge\` add index \`room_charge_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`room_charge\` add index \`room_charge_item_id_index\`(\`item_id\`);`);
    this.addSql(`alter table \`room_charge\` add index \`room_charge_room_id_item_id_index\`(\`room_id\`, \`item_id\`);`);

    this.addSql(`create table \`meter\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) null, \`item_id\` varchar(36) not null, \`code\` varchar(32) not null, \`multiplier\` int not null default 1, \`shared_room_ids\` json null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`meter\` add index \`meter_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`meter\` add index \`meter_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`meter\` add index \`meter_item_id_index\`(\`item_id\`);`);
    this.addSql(`alter table \`meter\` add unique \`meter_estate_id_code_unique\`(\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`meter_reading\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`meter_id\` varchar(36) not null, \`period\` varchar(7) not null, \`reading_milli\` bigint not null, \`old_final_milli\` bigint null, \`new_base_milli\` bigint null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`meter_reading\` add index \`meter_reading_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`meter_reading\` add index \`meter_reading_meter_id_index\`(\`meter_id\`);`);
    this.addSql(`alter table \`meter_reading\` add unique \`meter_reading_meter_id_period_unique\`(\`meter_id\`, \`period\`);`);

    this.addSql(`create table \`period_close\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`period\` varchar(7) not null, \`closed_by_id\` varchar(36) not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`period_close\` add index \`period_close_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`period_close\` add index \`period_close_closed_by_id_index\`(\`closed_by_id\`);`);
    this.addSql(`alter table \`period_close\` add unique \`period_close_estate_id_period_unique\`(\`estate_id\`, \`period\`);`);

    this.addSql(`create table \`refund\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) null, \`amount_fen\` bigint not null, \`reason\` varchar(255) not null, \`status\` enum('APPROVED', 'PENDING', 'REJECTED') not null, \`requested_by_id\` varchar(36) not null, \`decided_by_id\` varchar(36) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`refund\` add index \`refund_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`refund\` add index \`refund_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`refund\` add index \`refund_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`refund\` add index \`refund_requested_by_id_index\`(\`requested_by_id\`);`);
    this.addSql(`alter table \`refund\` add index \`refund_decided_by_id_index\`(\`decided_by_id\`);`);

    this.addSql(`create table \`prepaid_entry\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) null, \`kind\` enum('DEPOSIT', 'OFFSET', 'REFUND', 'REVERSAL') not null, \`amount_fen\` bigint not null, \`payment_id\` varchar(36) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`prepaid_entry\` add index \`prepaid_entry_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`prepaid_entry\` add index \`prepaid_entry_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`prepaid_entry\` add index \`prepaid_entry_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`prepaid_entry\` add index \`prepaid_entry_room_id_created_at_index\`(\`room_id\`, \`created_at\`);`);

    this.addSql(`create table \`payment\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) null, \`receipt_no\` varchar(16) not null, \`method\` enum('CASH', 'CARD', 'BANK_TRANSFER', 'WECHAT') not null, \`amount_fen\` bigint not null, \`prepaid_fen\` bigint not null default 0, \`paid_at\` datetime not null, \`cashier_id\` varchar(36) null, \`reversal_of\` varchar(36) null, \`reversed_by\` varchar(36) null, \`note\` varchar(255) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`payment\` add index \`payment_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`payment\` add index \`payment_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`payment\` add index \`payment_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`payment\` add index \`payment_cashier_id_index\`(\`cashier_id\`);`);
    this.addSql(`alter table \`payment\` add index \`payment_estate_id_paid_at_index\`(\`estate_id\`, \`paid_at\`);`);
    this.addSql(`alter table \`payment\` add unique \`payment_estate_id_receipt_no_unique\`(\`estate_id\`, \`receipt_no\`);`);

    this.addSql(`create table \`bill_line\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) null, \`item_id\` varchar(36) not null, \`period\` varchar(7) not null, \`dedupe_key\` varchar(120) not null, \`amount_fen\` bigint not null, \`paid_fen\` bigint not null default 0, \`reduced_fen\` bigint not null default 0, \`due_date\` varchar(10) not null, \`formula\` json not null, \`explanation\` varchar(255) not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`bill_line\` add index \`bill_line_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`bill_line\` add index \`bill_line_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`bill_line\` add index \`bill_line_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`bill_line\` add index \`bill_line_item_id_index\`(\`item_id\`);`);
    this.addSql(`alter table \`bill_line\` add unique \`bill_line_dedupe_key_unique\`(\`dedupe_key\`);`);
    this.addSql(`alter table \`bill_line\` add index \`bill_line_estate_id_period_index\`(\`estate_id\`, \`period\`);`);
    this.addSql(`alter table \`bill_line\` add index \`bill_line_room_id_period_index\`(\`room_id\`, \`period\`);`);

    this.addSql(`create table \`reduction\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) null, \`line_id\` varchar(36) not null, \`amount_fen\` bigint not null, \`reason\` varchar(255) not null, \`status\` enum('APPROVED', 'PENDING', 'REJECTED') not null, \`requested_by_id\` varchar(36) not null, \`decided_by_id\` varchar(36) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`reduction\` add index \`reduction_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`reduction\` add index \`reduction_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`reduction\` add index \`reduction_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`reduction\` add index \`reduction_requested_by_id_index\`(\`requested_by_id\`);`);
    this.addSql(`alter table \`reduction\` add index \`reduction_decided_by_id_index\`(\`decided_by_id\`);`);
    this.addSql(`alter table \`reduction\` add index \`reduction_line_id_index\`(\`line_id\`);`);

    this.addSql(`create table \`allocation\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) null, \`line_id\` varchar(36) not null, \`payment_id\` varchar(36) null, \`prepaid_entry_id\` varchar(36) null, \`amount_fen\` bigint not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`allocation\` add index \`allocation_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`allocation\` add index \`allocation_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`allocation\` add index \`allocation_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`allocation\` add index \`allocation_line_id_index\`(\`line_id\`);`);

    this.addSql(`alter table \`charge_item\` add constraint \`charge_item_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`bill_run\` add constraint \`bill_run_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`room_charge\` add constraint \`room_charge_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`room_charge\` add constraint \`room_charge_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`room_charge\` add constraint \`room_charge_item_id_foreign\` foreign key (\`item_id\`) references \`charge_item\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`meter\` add constraint \`meter_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`meter\` add constraint \`meter_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`meter\` add constraint \`meter_item_id_foreign\` foreign key (\`item_id\`) references \`charge_item\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`meter_reading\` add constraint \`meter_reading_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`meter_reading\` add constraint \`meter_reading_meter_id_foreign\` foreign key (\`meter_id\`) references \`meter\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`period_close\` add constraint \`period_close_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`period_close\` add constraint \`period_close_closed_by_id_foreign\` foreign key (\`closed_by_id\`) references \`user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`refund\` add constraint \`refund_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`refund\` add constraint \`refund_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`refund\` add constraint \`refund_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`refund\` add constraint \`refund_requested_by_id_foreign\` foreign key (\`requested_by_id\`) references \`user\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`refund\` add constraint \`refund_decided_by_id_foreign\` foreign key (\`decided_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`prepaid_entry\` add constraint \`prepaid_entry_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`prepaid_entry\` add constraint \`prepaid_entry_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`prepaid_entry\` add constraint \`prepaid_entry_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`payment\` add constraint \`payment_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`payment\` add constraint \`payment_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`payment\` add constraint \`payment_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`payment\` add constraint \`payment_cashier_id_foreign\` foreign key (\`cashier_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`bill_line\` add constraint \`bill_line_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`bill_line\` add constraint \`bill_line_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`bill_line\` add constraint \`bill_line_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`bill_line\` add constraint \`bill_line_item_id_foreign\` foreign key (\`item_id\`) references \`charge_item\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`reduction\` add constraint \`reduction_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`reduction\` add constraint \`reduction_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`reduction\` add constraint \`reduction_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`reduction\` add constraint \`reduction_line_id_foreign\` foreign key (\`line_id\`) references \`bill_line\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`reduction\` add constraint \`reduction_requested_by_id_foreign\` foreign key (\`requested_by_id\`) references \`user\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`reduction\` add constraint \`reduction_decided_by_id_foreign\` foreign key (\`decided_by_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`allocation\` add constraint \`allocation_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`allocation\` add constraint \`allocation_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`allocation\` add constraint \`allocation_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`allocation\` add constraint \`allocation_line_id_foreign\` foreign key (\`line_id\`) references \`bill_line\` (\`id\`) on update cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`room_charge\` drop foreign key \`room_charge_item_id_foreign\`;`);

    this.addSql(`alter table \`meter\` drop foreign key \`meter_item_id_foreign\`;`);

    this.addSql(`alter table \`bill_line\` drop foreign key \`bill_line_item_id_foreign\`;`);

    this.addSql(`alter table \`meter_reading\` drop foreign key \`meter_reading_meter_id_foreign\`;`);

    this.addSql(`alter table \`reduction\` drop foreign key \`reduction_line_id_foreign\`;`);

    this.addSql(`alter table \`allocation\` drop foreign key \`allocation_line_id_foreign\`;`);

    this.addSql(`drop table if exists \`charge_item\`;`);

    this.addSql(`drop table if exists \`bill_run\`;`);

    this.addSql(`drop table if exists \`receipt_counter\`;`);

    this.addSql(`drop table if exists \`room_charge\`;`);

    this.addSql(`drop table if exists \`meter\`;`);

    this.addSql(`drop table if exists \`meter_reading\`;`);

    this.addSql(`drop table if exists \`period_close\`;`);

    this.addSql(`drop table if exists \`refund\`;`);

    this.addSql(`drop table if exists \`prepaid_entry\`;`);

    this.addSql(`drop table if exists \`payment\`;`);

    this.addSql(`drop table if exists \`bill_line\`;`);

    this.addSql(`drop table if exists \`reduction\`;`);

    this.addSql(`drop table if exists \`allocation\`;`);

  }

}
