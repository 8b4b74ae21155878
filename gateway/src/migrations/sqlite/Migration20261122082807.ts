import { Migration } from '@mikro-orm/migrations';

export class Migration20261122082807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`created_at\` datetime not null, \`actor_user_id\` text not null, \`actor_name\` text not null, \`estate_id\` text null, \`action\` text not null, \`entity_type\` text not null, \`entity_id\` text null, \`before\` json null, \`after\` json null, \`request_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_entry_estate_id_created_at_index\` on \`audit_entry\` (\`estate_id\`, \`created_at\`);`);

    this.addSql(`create table \`estate\` (\`id\` text not null, \`created_at\` datetime not null, \`code\` text not null, \`name\` text not null, \`address\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`estate_code_unique\` on \`estate\` (\`code\`);`);

    this.addSql(`create table \`building\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`code\` text not null, \`name\` text not null, constraint \`building_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`building_estate_id_index\` on \`building\` (\`estate_id\`);`);
    this.addSql(`create unique index \`building_estate_id_code_unique\` on \`building\` (\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`parking_space\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`building_id\` text null, \`garage\` text null, \`code\` text not null, \`area_centi\` integer not null, \`status\` text check (\`status\` in ('FREE', 'SOLD', 'RENTED')) not null default 'FREE', constraint \`parking_space_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`parking_space_building_id_foreign\` foreign key(\`building_id\`) references \`building\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`parking_space_estate_id_index\` on \`parking_space\` (\`estate_id\`);`);
    this.addSql(`create index \`parking_space_building_id_index\` on \`parking_space\` (\`building_id\`);`);
    this.addSql(`create unique index \`parking_space_estate_id_code_unique\` on \`parking_space\` (\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`sms_code\` (\`id\` text not null, \`created_at\` datetime not null, \`phone\` text not null, \`code_hash\` text not null, \`expires_at\` datetime not null, \`failed_attempts\` integer not null default 0, \`consumed_at\` datetime null, \`voided_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`sms_code_phone_created_at_index\` on \`sms_code\` (\`phone\`, \`created_at\`);`);

    this.addSql(`create table \`unit\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`building_id\` text not null, \`code\` text not null, constraint \`unit_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`unit_building_id_foreign\` foreign key(\`building_id\`) references \`building\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`unit_estate_id_index\` on \`unit\` (\`estate_id\`);`);
    this.addSql(`create index \`unit_building_id_index\` on \`unit\` (\`building_id\`);`);
    this.addSql(`create unique index \`unit_building_id_code_unique\` on \`unit\` (\`building_id\`, \`code\`);`);

    this.addSql(`create table \`floor\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`building_id\` text not null, \`unit_id\` text null, \`level\` integer not null, constraint \`floor_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`floor_building_id_foreign\` foreign key(\`building_id\`) references \`building\`(\`id\`) on update cascade, constraint \`floor_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`floor_estate_id_index\` on \`floor\` (\`estate_id\`);`);
    this.addSql(`create index \`floor_building_id_index\` on \`floor\` (\`building_id\`);`);
    this.addSql(`create index \`floor_unit_id_index\` on \`floor\` (\`unit_id\`);`);
    this.addSql(`create unique index \`floor_building_id_unit_id_level_unique\` on \`floor\` (\`building_id\`, \`unit_id\`, \`level\`);`);

    this.addSql(`create table \`room\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`building_id\` text not null, \`unit_id\` text null, \`floor_id\` text not null, \`code\` text not null, \`floor_level\` integer not null, \`building_area_centi\` integer not null, \`charge_area_centi\` integer not null, \`type\` text check (\`type\` in ('RESIDENCE', 'SHOP', 'PARKING', 'STORAGE')) not null default 'RESIDENCE', \`layout\` text null, \`orientation\` text null, \`status\` text check (\`status\` in ('VACANT', 'OCCUPIED', 'RENOVATING')) not null default 'VACANT', constraint \`room_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`room_building_id_foreign\` foreign key(\`building_id\`) references \`building\`(\`id\`) on update cascade, constraint \`room_unit_id_foreign\` foreign key(\`unit_id\`) references \`unit\`(\`id\`) on delete set null on update cascade, constraint \`room_floor_id_foreign\` foreign key(\`floor_id\`) references \`floor\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`room_estate_id_index\` on \`room\` (\`estate_id\`);`);
    this.addSql(`create index \`room_building_id_index\` on \`room\` (\`building_id\`);`);
    this.addSql(`create index \`room_unit_id_index\` on \`room\` (\`unit_id\`);`);
    this.addSql(`create index \`room_floor_id_index\` on \`room\` (\`floor_id\`);`);
    this.addSql(`create index \`room_building_id_code_index\` on \`room\` (\`building_id\`, \`code\`);`);
    this.addSql(`create unique index \`room_estate_id_code_unique\` on \`room\` (\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`user\` (\`id\` text not null, \`created_at\` datetime not null, \`display_name\` text not null, \`phone\` text null, \`account\` text null, \`password_hash\` text null, \`wechat_openid\` text null, \`disabled\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create unique index \`user_phone_unique\` on \`user\` (\`phone\`);`);
    this.addSql(`create unique index \`user_account_unique\` on \`user\` (\`account\`);`);
    this.addSql(`create unique index \`user_wechat_openid_unique\` on \`user\` (\`wechat_openid\`);`);

    this.addSql(`create table \`session\` (\`id\` text not null, \`created_at\` datetime not null, \`user_id\` text not null, \`method\` text not null, \`revoked_at\` datetime null, constraint \`session_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);

    this.addSql(`create table \`refresh_token\` (\`id\` text not null, \`created_at\` datetime not null, \`session_id\` text not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, constraint \`refresh_token_session_id_foreign\` foreign key(\`session_id\`) references \`session\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`refresh_token_session_id_index\` on \`refresh_token\` (\`session_id\`);`);
    this.addSql(`create unique index \`refresh_token_token_hash_unique\` on \`refresh_token\` (\`token_hash\`);`);

    this.addSql(`create table \`role_grant\` (\`id\` text not null, \`created_at\` datetime not null, \`user_id\` text not null, \`role\` text check (\`role\` in ('OWNER', 'FAMILY', 'TENANT', 'CS_AGENT', 'CS_SUPERVISOR', 'TECHNICIAN', 'CASHIER', 'MANAGER', 'HQ_ADMIN', 'COMMITTEE')) not null, \`estate_id\` text null, constraint \`role_grant_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, constraint \`role_grant_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`role_grant_user_id_index\` on \`role_grant\` (\`user_id\`);`);
    this.addSql(`create index \`role_grant_estate_id_index\` on \`role_grant\` (\`estate_id\`);`);
    this.addSql(`create unique index \`role_grant_user_id_role_estate_id_unique\` on \`role_grant\` (\`user_id\`, \`role\`, \`estate_id\`);`);

    this.addSql(`create table \`customer\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`kind\` text check (\`kind\` in ('PERSON', 'COMPANY')) not null default 'PERSON', \`name\` text not null, \`phone\` text null, \`user_id\` text null, constraint \`customer_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`customer_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`customer_estate_id_index\` on \`customer\` (\`estate_id\`);`);
    this.addSql(`create index \`customer_user_id_index\` on \`customer\` (\`user_id\`);`);
    this.addSql(`create unique index \`customer_estate_id_phone_unique\` on \`customer\` (\`estate_id\`, \`phone\`);`);

    this.addSql(`create table \`room_binding\` (\`id\` text not null, \`created_at\` datetime not null, \`estate_id\` text not null, \`room_id\` text not null, \`customer_id\` text not null, \`relation\` text check (\`relation\` in ('OWNER', 'FAMILY', 'TENANT')) not null, \`start_date\` text not null, \`end_date\` text null, \`end_reason\` text check (\`end_reason\` in ('MOVED_OUT', 'TRANSFERRED', 'REMOVED')) null, \`is_billing_party\` integer not null default false, \`permissions\` json not null, constraint \`room_binding_estate_id_foreign\` foreign key(\`estate_id\`) references \`estate\`(\`id\`) on update cascade, constraint \`room_binding_room_id_foreign\` foreign key(\`room_id\`) references \`room\`(\`id\`) on update cascade, constraint \`room_binding_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`room_binding_estate_id_index\` on \`room_binding\` (\`estate_id\`);`);
    this.addSql(`create index \`room_binding_room_id_index\` on \`room_binding\` (\`room_id\`);`);
    this.addSql(`create index \`room_binding_customer_id_index\` on \`room_binding\` (\`customer_id\`);`);
    this.addSql(`create index \`room_binding_customer_id_end_date_index\` on \`room_binding\` (\`customer_id\`, \`end_date\`);`);
    this.addSql(`create index \`room_binding_room_id_end_date_index\` on \`room_binding\` (\`room_id\`, \`end_date\`);`);
  }

  override async down(): Promise<void> {
    // Written by hand: MikroORM generates no down() for SQLite.
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`drop table if exists \`room_binding\`;`);
    this.addSql(`drop table if exists \`customer\`;`);
    this.addSql(`drop table if exists \`role_grant\`;`);
    this.addSql(`drop table if exists \`refresh_token\`;`);
    this.addSql(`drop table if exists \`session\`;`);
    this.addSql(`drop table if exists \`user\`;`);
    this.addSql(`drop table if exists \`room\`;`);
    this.addSql(`drop table if exists \`floor\`;`);
    this.addSql(`drop table if exists \`unit\`;`);
    this.addSql(`drop table if exists \`sms_code\`;`);
    this.addSql(`drop table if exists \`parking_space\`;`);
    this.addSql(`drop table if exists \`building\`;`);
    this.addSql(`drop table if exists \`estate\`;`);
    this.addSql(`drop table if exists \`audit_entry\`;`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
