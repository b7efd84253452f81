create table "users" ("id" integer primary key autoincrement, "email" text not null, "name" text not null, "role" text not null default 'viewer' check ("role" in ('admin', 'editor', 'viewer')), "is_active" integer not null default 1, "created_at" integer not null default (cast((julianday('now') - 2440587.5) * 86400000 as integer)), "updated_at" integer not null default (cast((julianday('now') - 2440587.5) * 86400000 as integer)));
--> statement-breakpoint
create table "posts" ("id" integer primary key autoincrement, "author_id" integer not null, "title" text not null, "body" text not null, "published" integer not null default 0, "created_at" integer not null default (cast((julianday('now') - 2440587.5) * 86400000 as integer)), constraint "posts_author_id_users_id_fk" foreign key ("author_id") references "users" ("id") on delete cascade on update no action);
--> statement-breakpoint
create unique index "users_email_idx" on "users" ("email");
--> statement-breakpoint
create index "users_role_idx" on "users" ("role");
