create type "role" as enum ('admin', 'editor', 'viewer');
--> statement-breakpoint
create table "users" ("id" serial not null, "email" varchar(320) not null, "name" text not null, "role" "role" not null default 'viewer', "is_active" boolean not null default true, "created_at" timestamp with time zone not null default now(), "updated_at" timestamp with time zone not null default now(), primary key ("id"));
--> statement-breakpoint
create table "posts" ("id" serial not null, "author_id" integer not null, "title" varchar(200) not null, "body" text not null, "published" boolean not null default false, "created_at" timestamp with time zone not null default now(), primary key ("id"), constraint "posts_author_id_users_id_fk" foreign key ("author_id") references "users" ("id") on delete cascade on update no action);
--> statement-breakpoint
create unique index "users_email_idx" on "users" ("email");
--> statement-breakpoint
create index "users_role_idx" on "users" ("role");
