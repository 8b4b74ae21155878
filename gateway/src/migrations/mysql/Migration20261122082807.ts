import { Migration } from '@mikro-orm/migrations';

export class Migration20261122082807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`actor_user_id\` varchar(36) not null, \`actor_name\` varchar(64) not null, \`estate_id\` varchar(36) null, \`action\` varchar(64) not null, \`entity_type\` varchar(32) not null, \`entity_id\` varchar(36) null, \`before\` json null, \`after\` json null, \`request_id\` varchar(36) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`audit_entry\` add index \`audit_entry_estate_id_created_at_index\`(\`estate_id\`, \`created_at\`);`);

    this.addSql(`create table \`estate\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`code\` varchar(32) not null, \`name\` varchar(64) not null, \`address\` varchar(200) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`estate\` add unique \`estate_code_unique\`(\`code\`);`);

    this.addSql(`create table \`building\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`code\` varchar(16) not null, \`name\` varchar(64) not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`building\` add index \`building_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`building\` add unique \`building_estate_id_code_unique\`(\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`parking_space\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`building_id\` varchar(36) null, \`garage\` varchar(64) null, \`code\` varchar(32) not null, \`area_centi\` int not null, \`status\` enum('FREE', 'SOLD', 'RENTED') not null default 'FREE', primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`parking_space\` add index \`parking_space_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`parking_space\` add index \`parking_space_building_id_index\`(\`building_id\`);`);
    this.addSql(`alter table \`parking_space\` add unique \`parking_space_estate_id_code_unique\`(\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`sms_code\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`phone\` varchar(20) not null, \`code_hash\` varchar(64) not null, \`expires_at\` datetime not null, \`failed_attempts\` int not null default 0, \`consumed_at\` datetime null, \`voided_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`sms_code\` add index \`sms_code_phone_created_at_index\`(\`phone\`, \`created_at\`);`);

    this.addSql(`create table \`unit\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`building_id\` varchar(36) not null, \`code\` varchar(16) not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`unit\` add index \`unit_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`unit\` add index \`unit_building_id_index\`(\`building_id\`);`);
    this.addSql(`alter table \`unit\` add unique \`unit_building_id_code_unique\`(\`building_id\`, \`code\`);`);

    this.addSql(`create table \`floor\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`building_id\` varchar(36) not null, \`unit_id\` varchar(36) null, \`level\` int not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`floor\` add index \`floor_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`floor\` add index \`floor_building_id_index\`(\`building_id\`);`);
    this.addSql(`alter table \`floor\` add index \`floor_unit_id_index\`(\`unit_id\`);`);
    this.addSql(`alter table \`floor\` add unique \`floor_building_id_unit_id_level_unique\`(\`building_id\`, \`unit_id\`, \`level\`);`);

    this.addSql(`create table \`room\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`building_id\` varchar(36) not null, \`unit_id\` varchar(36) null, \`floor_id\` varchar(36) not null, \`code\` varchar(32) not null, \`floor_level\` int not null, \`building_area_centi\` int not null, \`charge_area_centi\` int not null, \`type\` enum('RESIDENCE', 'SHOP', 'PARKING', 'STORAGE') not null default 'RESIDENCE', \`layout\` varchar(32) null, \`orientation\` varchar(16) null, \`status\` enum('VACANT', 'OCCUPIED', 'RENOVATING') not null default 'VACANT', primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`room\` add index \`room_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`room\` add index \`room_building_id_index\`(\`building_id\`);`);
    this.addSql(`alter table \`room\` add index \`room_unit_id_index\`(\`unit_id\`);`);
    this.addSql(`alter table \`room\` add index \`room_floor_id_index\`(\`floor_id\`);`);
    this.addSql(`alter table \`room\` add index \`room_building_id_code_index\`(\`building_id\`, \`code\`);`);
    this.addSql(`alter table \`room\` add unique \`room_estate_id_code_unique\`(\`estate_id\`, \`code\`);`);

    this.addSql(`create table \`user\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`display_name\` varchar(64) not null, \`phone\` varchar(20) null, \`account\` varchar(32) null, \`password_hash\` varchar(200) null, \`wechat_openid\` varchar(64) null, \`disabled\` tinyint(1) not null default false, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`user\` add unique \`user_phone_unique\`(\`phone\`);`);
    this.addSql(`alter table \`user\` add unique \`user_account_unique\`(\`account\`);`);
    this.addSql(`alter table \`user\` add unique \`user_wechat_openid_unique\`(\`wechat_openid\`);`);

    this.addSql(`create table \`session\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`user_id\` varchar(36) not null, \`method\` varchar(16) not null, \`revoked_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`session\` add index \`session_user_id_index\`(\`user_id\`);`);

    this.addSql(`create table \`refresh_token\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`session_id\` varchar(36) not null, \`token_hash\` varchar(64) not null, \`expires_at\` datetime not null, \`used_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`refresh_token\` add index \`refresh_token_session_id_index\`(\`session_id\`);`);
    this.addSql(`alter table \`refresh_token\` add unique \`refresh_token_token_hash_unique\`(\`token_hash\`);`);

    this.addSql(`create table \`role_grant\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`user_id\` varchar(36) not null, \`role\` enum('OWNER', 'FAMILY', 'TENANT', 'CS_AGENT', 'CS_SUPERVISOR', 'TECHNICIAN', 'CASHIER', 'MANAGER', 'HQ_ADMIN', 'COMMITTEE') not null, \`estate_id\` varchar(36) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`role_grant\` add index \`role_grant_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`role_grant\` add index \`role_grant_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`role_grant\` add unique \`role_grant_user_id_role_estate_id_unique\`(\`user_id\`, \`role\`, \`estate_id\`);`);

    this.addSql(`create table \`customer\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`kind\` enum('PERSON', 'COMPANY') not null default 'PERSON', \`name\` varchar(64) not null, \`phone\` varchar(20) null, \`user_id\` varchar(36) null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`customer\` add index \`customer_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`customer\` add index \`customer_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`customer\` add unique \`customer_estate_id_phone_unique\`(\`estate_id\`, \`phone\`);`);

    this.addSql(`create table \`room_binding\` (\`id\` varchar(36) not null, \`created_at\` datetime not null, \`estate_id\` varchar(36) not null, \`room_id\` varchar(36) not null, \`customer_id\` varchar(36) not null, \`relation\` enum('OWNER', 'FAMILY', 'TENANT') not null, \`start_date\` varchar(10) not null, \`end_date\` varchar(10) null, \`end_reason\` enum('MOVED_OUT', 'TRANSFERRED', 'REMOVED') null, \`is_billing_party\` tinyint(1) not null default false, \`permissions\` json not null, primary key (\`id\`)) default character set utf8mb4 collate utf8mb4_unicode_ci engine = InnoDB;`);
    this.addSql(`alter table \`room_binding\` add index \`room_binding_estate_id_index\`(\`estate_id\`);`);
    this.addSql(`alter table \`room_binding\` add index \`room_binding_room_id_index\`(\`room_id\`);`);
    this.addSql(`alter table \`room_binding\` add index \`room_binding_customer_id_index\`(\`customer_id\`);`);
    this.addSql(`alter table \`room_binding\` add index \`room_binding_customer_id_end_date_index\`(\`customer_id\`, \`end_date\`);`);
    this.addSql(`alter table \`room_binding\` add index \`room_binding_room_id_end_date_index\`(\`room_id\`, \`end_date\`);`);

    this.addSql(`alter table \`building\` add constraint \`building_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`parking_space\` add constraint \`parking_space_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`parking_space\` add constraint \`parking_space_building_id_foreign\` foreign key (\`building_id\`) references \`building\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`unit\` add constraint \`unit_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`unit\` add constraint \`unit_building_id_foreign\` foreign key (\`building_id\`) references \`building\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`floor\` add constraint \`floor_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`floor\` add constraint \`floor_building_id_foreign\` foreign key (\`building_id\`) references \`building\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`floor\` add constraint \`floor_unit_id_foreign\` foreign key (\`unit_id\`) references \`unit\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`room\` add constraint \`room_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`room\` add constraint \`room_building_id_foreign\` foreign key (\`building_id\`) references \`building\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`room\` add constraint \`room_unit_id_foreign\` foreign key (\`unit_id\`) references \`unit\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`room\` add constraint \`room_floor_id_foreign\` foreign key (\`floor_id\`) references \`floor\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`session\` add constraint \`session_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`refresh_token\` add constraint \`refresh_token_session_id_foreign\` foreign key (\`session_id\`) references \`session\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`role_grant\` add constraint \`role_grant_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`role_grant\` add constraint \`role_grant_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`customer\` add constraint \`customer_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`customer\` add constraint \`customer_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`room_binding\` add constraint \`room_binding_estate_id_foreign\` foreign key (\`estate_id\`) references \`estate\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`room_binding\` add constraint \`room_binding_room_id_foreign\` foreign key (\`room_id\`) references \`room\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`room_binding\` add constraint \`room_binding_customer_id_foreign\` foreign key (\`customer_id\`) references \`customer\` (\`id\`) on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`building\` drop foreign key \`building_estate_id_foreign\`;`);

    this.addSql(`alter table \`parking_space\` drop foreign key \`parking_space_estate_id_foreign\`;`);

    this.addSql(`alter table \`unit\` drop foreign key \`unit_estate_id_foreign\`;`);

    this.addSql(`alter table \`floor\` drop foreign key \`floor_estate_id_foreign\`;`);

    this.addSql(`alter table \`room\` drop foreign key \`room_estate_id_foreign\`;`);

    this.addSql(`alter table \`role_grant\` drop foreign key \`role_grant_estate_id_foreign\`;`);

    this.addSql(`alter table \`customer\` drop foreign key \`customer_estate_id_foreign\`;`);

    this.addSql(`alter table \`room_binding\` drop foreign key \`room_binding_estate_id_foreign\`;`);

    this.addSql(`alter table \`parking_space\` drop foreign key \`parking_space_building_id_foreign\`;`);

    this.addSql(`alter table \`unit\` drop foreign key \`unit_building_id_foreign\`;`);

    this.addSql(`alter table \`floor\` drop foreign key \`floor_building_id_foreign\`;`);

    this.addSql(`alter table \`room\` drop foreign key \`room_building_id_foreign\`;`);

    this.addSql(`alter table \`floor\` drop foreign key \`floor_unit_id_foreign\`;`);

    this.addSql(`alter table \`room\` drop foreign key \`room_unit_id_foreign\`;`);

    this.addSql(`alter table \`room\` drop foreign key \`room_floor_id_foreign\`;`);

    this.addSql(`alter table \`room_binding\` drop foreign key \`room_binding_room_id_foreign\`;`);

    this.addSql(`alter table \`session\` drop foreign key \`session_user_id_foreign\`;`);

    this.addSql(`alter table \`role_grant\` drop foreign key \`role_grant_user_id_foreign\`;`);

    this.addSql(`alter table \`customer\` drop foreign key \`customer_user_id_foreign\`;`);

    this.addSql(`alter table \`refresh_token\` drop foreign key \`refresh_token_session_id_foreign\`;`);

    this.addSql(`alter table \`room_binding\` drop foreign key \`room_binding_customer_id_foreign\`;`);

    this.addSql(`drop table if exists \`audit_entry\`;`);

    this.addSql(`drop table if exists \`estate\`;`);

    this.addSql(`drop table if exists \`building\`;`);

    this.addSql(`drop table if exists \`parking_space\`;`);

    this.addSql(`drop table if exists \`sms_code\`;`);

    this.addSql(`drop table if exists \`unit\`;`);

    this.addSql(`drop table if exists \`floor\`;`);

    this.addSql(`drop table if exists \`room\`;`);

    this.addSql(`drop table if exists \`user\`;`);

    this.addSql(`drop table if exists \`session\`;`);

    this.addSql(`drop table if exists \`refresh_token\`;`);

    this.addSql(`drop table if exists \`role_grant\`;`);

    this.addSql(`drop table if exists \`customer\`;`);

    this.addSql(`drop table if exists \`room_binding\`;`);
  }

}
