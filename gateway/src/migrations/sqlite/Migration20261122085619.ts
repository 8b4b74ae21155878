import { Migration } from '@mikro-orm/migrations';

export class Migration20261122085619 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`charge_item\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`code\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('PERIODIC_AREA', 'PERIODIC_FIXED', 'METERED', 'SHARED', 'ONE_OFF')) not null, \`price_units\` integer not null default 0, \`fixed_fen\` integer not null default 0, \`due_day\` integer not null default 15, \`late_fee_grace_days\` integer not null default 0, \`late_fee_rate_ppm\` integer not null default 0, \`late_fee_cap_at_principal\` integer not null default true, constraint \`charge_item_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`charge_item_estate_id_index\` on \`charge_item\` (\`estate_id\`);`);
    this.addSql(`create unique index \`charge_item_estate_id_code_unique\` on \`charge_item\` (\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`bill_run\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`period\` text not null, \`status\` text check (\`status\` in ('RUNNING', 'DONE', 'FAILED')) not null default 'RUNNING', \`rooms_total\` integer not null default 0, \`rooms_done\` integer not null default 0, \`lines_created\` integer not null default 0, \`error\` text null, \`finished_at\` datetime null, constraint \`bill_run_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`bill_run_estate_id_index\` on \`bill_run\` (\`estate_id\`);`);

    this.addSql(`create table \`receipt_counter\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`year\` integer not null, \`last\` integer not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`receipt_counter_estate_id_year_unique\` on \`receipt_counter\` (\`estate_id\`, \`year\`);`);

    this.addSql(`create table \`room_charge\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`item_id\` text not null, \`start_date\` text not null, \`end_date\` text null, constraint \`room_charge_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`room_charge_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`room_charge_item_id_foreign\` foreign key(\`item_id\`) references \`charge_item\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`room_charge_estate_id_index\` on \`room_charge\` (\`estate_id\`);`);
    this.addSql(`create index \`room_charge_room_id_index\` on \`room_charge\` (\`room_id\`);`);
    this.addSql(`create index \`room_charge_item_id_index\` on \`room_charge\` (\`item_id\`);`);
    this.addSql(`create index \`room_charge_room_id_item_id_index\` on \`room_charge\` (\`room_id\`, \`item_id\`);`);

    this.addSql(`create table \`meter\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text null, \`item_id\` text not null, \`code\` text not null, \`multiplier\` integer not null default 1, \`shared_room_ids\` json null, constraint \`meter_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`meter_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on delete set null on update cascade, constraint \`meter_item_id_foreign\` foreign key(\`item_id\`) references \`charge_item\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`meter_estate_id_index\` on \`meter\` (\`estate_id\`);`);
    this.addSql(`create index \`meter_room_id_index\` on \`meter\` (\`room_id\`);`);
    this.addSql(`create index \`meter_item_id_index\` on \`meter\` (\`item_id\`);`);
    this.addSql(`create unique index \`meter_estate_id_code_unique\` on \`meter\` (\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`meter_reading\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`meter_id\` text not null, \`period\` text not null, \`reading_milli\` bigint not null, \`old_final_milli\` bigint null, \`new_base_milli\` bigint null, constraint \`meter_reading_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`meter_reading_meter_id_foreign\` foreign key(\`meter_id\`) references \`meter\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`meter_reading_estate_id_index\` on \`meter_reading\` (\`estate_id\`);`);
    this.addSql(`create index \`meter_reading_meter_id_index\` on \`meter_reading\` (\`meter_id\`);`);
    this.addSql(`create unique index \`meter_reading_meter_id_period_unique\` on \`meter_reading\` (\`meter_id\`, \`period\`);`);

    this.addSql(`create table \`period_close\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`period\` text not null, \`closed_by_id\` text not null, constraint \`period_close_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`period_close_closed_by_id_foreign\` foreign key(\`closed_by_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`period_close_estate_id_index\` on \`period_close\` (\`estate_id\`);`);
    this.addSql(`create index \`period_close_closed_by_id_index\` on \`period_close\` (\`closed_by_id\`);`);
    this.addSql(`create unique index \`period_close_estate_id_period_unique\` on \`period_close\` (\`estate_id\`, \`period\`);`);

    this.addSql(`create table \`refund\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`amount_fen\` bigint not null, \`reason\` text not null, \`status\` text check (\`status\` in ('APPROVED', 'PENDING', 'REJECTED')) not null, \`requested_by_id\` text not null, \`decided_by_id\` text null, constraint \`refund_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`refund_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`refund_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, constraint \`refund_requested_by_id_foreign\` foreign key(\`requested_by_id\`) references \`user\`(\`id\`) on update cascade, constraint \`refund_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`refund_estate_id_index\` on \`refund\` (\`estate_id\`);`);
    this.addSql(`create index \`refund_room_id_index\` on \`refund\` (\`room_id\`);`);
    this.addSql(`create index \`refund_customer_id_index\` on \`refund\` (\`customer_id\`);`);
    this.addSql(`create index \`refund_requested_by_id_index\` on \`refund\` (\`requested_by_id\`);`);
    this.addSql(`create index \`refund_decided_by_id_index\` on \`refund\` (\`decided_by_id\`);`);

    this.addSql(`create table \`prepaid_entry\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`kind\` text check (\`kind\` in ('DEPOSIT', 'OFFSET', 'REFUND', 'REVERSAL')) not null, \`amount_fen\` bigint not null, \`payment_id\` text null, constraint \`prepaid_entry_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`prepaid_entry_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`prepaid_entry_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`prepaid_entry_estate_id_index\` on \`prepaid_entry\` (\`estate_id\`);`);
    this.addSql(`create index \`prepaid_entry_room_id_index\` on \`prepaid_entry\` (\`room_id\`);`);
    this.addSql(`create index \`prepaid_entry_customer_id_index\` on \`prepaid_entry\` (\`customer_id\`);`);
    this.addSql(`create index \`prepaid_entry_room_id_created_at_index\` on \`prepaid_entry\` (\`room_id\`, \`created_at\`);`);

    this.addSql(`create table \`payment\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`receipt_no\` text not null, \`method\` text check (\`method\` in ('CASH', 'CARD', 'BANK_TRANSFER', 'WECHAT')) not null, \`amount_fen\` bigint not null, \`prepaid_fen\` bigint not null default 0, \`paid_at\` datetime not null, \`cashier_id\` text null, \`reversal_of\` text null, \`reversed_by\` text null, \`note\` text null, constraint \`payment_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`payment_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`payment_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, constraint \`payment_cashier_id_foreign\` foreign key(\`cashier_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`payment_estate_id_index\` on \`payment\` (\`estate_id\`);`);
    this.addSql(`create index \`payment_room_id_index\` on \`payment\` (\`room_id\`);`);
    this.addSql(`create index \`payment_customer_id_index\` on \`payment\` (\`customer_id\`);`);
    this.addSql(`create index \`payment_cashier_id_index\` on \`payment\` (\`cashier_id\`);`);
    this.addSql(`create index \`payment_estate_id_paid_at_index\` on \`payment\` (\`estate_id\`, \`paid_at\`);`);
    this.addSql(`create unique index \`payment_estate_id_receipt_no_unique\` on \`payment\` (\`estate_id\`, \`receipt_no\`);`);

    this.addSql(`create table \`bill_line\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`item_id\` text not null, \`period\` text not null, \`dedupe_key\` text not null, \`amount_fen\` bigint not null, \`paid_fen\` bigint not null default 0, \`reduced_fen\` bigint not null default 0, \`due_date\` text not null, \`formula\` json not null, \`explanation\` text not null, constraint \`bill_line_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`bill_line_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`bill_line_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, constraint \`bill_line_item_id_foreign\` foreign key(\`item_id\`) references \`charge_item\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`bill_line_estate_id_index\` on \`bill_line\` (\`estate_id\`);`);
    this.addSql(`create index \`bill_line_room_id_index\` on \`bill_line\` (\`room_id\`);`);
    this.addSql(`create index \`bill_line_customer_id_index\` on \`bill_line\` (\`customer_id\`);`);
    this.addSql(`create index \`bill_line_item_id_index\` on \`bill_line\` (\`item_id\`);`);
    this.addSql(`create unique index \`bill_line_dedupe_key_unique\` on \`bill_line\` (\`dedupe_key\`);`);
    this.addSql(`create index \`bill_line_estate_id_period_index\` on \`bill_line\` (\`estate_id\`, \`period\`);`);
    this.addSql(`create index \`bill_line_room_id_period_index\` on \`bill_line\` (\`room_id\`, \`period\`);`);

    this.addSql(`create table \`reduction\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`line_id\` text not null, \`amount_fen\` bigint not null, \`reason\` text not null, \`status\` text check (\`status\` in ('APPROVED', 'PENDING', 'REJECTED')) not null, \`requested_by_id\` text not null, \`decided_by_id\` text null, constraint \`reduction_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`reduction_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`reduction_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, constraint \`reduction_line_id_foreign\` foreign key(\`line_id\`) references \`bill_line\`(\`id\`) on update cascade, constraint \`reduction_requested_by_id_foreign\` foreign key(\`requested_by_id\`) references \`user\`(\`id\`) on update cascade, constraint \`reduction_decided_by_id_foreign\` foreign key(\`decided_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`reduction_estate_id_index\` on \`reduction\` (\`estate_id\`);`);
    this.addSql(`create index \`reduction_room_id_index\` on \`reduction\` (\`room_id\`);`);
    this.addSql(`create index \`reduction_customer_id_index\` on \`reduction\` (\`customer_id\`);`);
    this.addSql(`create index \`reduction_requested_by_id_index\` on \`reduction\` (\`requested_by_id\`);`);
    this.addSql(`create index \`reduction_decided_by_id_index\` on \`reduction\` (\`decided_by_id\`);`);
    this.addSql(`create index \`reduction_line_id_index\` on \`reduction\` (\`line_id\`);`);

    this.addSql(`create table \`allocation\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text null, \`line_id\` text not null, \`payment_id\` text null, \`prepaid_entry_id\` text null, \`amount_fen\` bigint not null, constraint \`allocation_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`allocation_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`allocation_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on delete set null on update cascade, constraint \`allocation_line_id_foreign\` foreign key(\`line_id\`) references \`bill_line\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`allocation_estate_id_index\` on \`allocation\` (\`estate_id\`);`);
    this.addSql(`create index \`allocation_room_id_index\` on \`allocation\` (\`room_id\`);`);
    this.addSql(`create index \`allocation_customer_id_index\` on \`allocation\` (\`customer_id\`);`);
    this.addSql(`create index \`allocation_line_id_index\` on \`allocation\` (\`line_id\`);`);

  }

  override async down(): Promise<void> {
    // Written by hand: MikroORM generates no down() for SQLite. Children before parents.
    this.addSql(`drop table if exists \`allocation\`;`);
    this.addSql(`drop table if exists \`reduction\`;`);
    this.addSql(`drop table if exists \`refund\`;`);
    this.addSql(`drop table if exists \`prepaid_entry\`;`);
    this.addSql(`drop table if exists \`payment\`;`);
    this.addSql(`drop table if exists \`bill_line\`;`);
    this.addSql(`drop table if exists \`period_close\`;`);
    this.addSql(`drop table if exists \`meter_reading\`;`);
    this.addSql(`drop table if exists \`meter\`;`);
    this.addSql(`drop table if exists \`room_charge\`;`);
    this.addSql(`drop table if exists \`receipt_counter\`;`);
    this.addSql(`drop table if exists \`bill_run\`;`);
    this.addSql(`drop table if exists \`charge_item\`;`);
  }

}
