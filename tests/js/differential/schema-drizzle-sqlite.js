// schema-sluice.js as a drizzle-orm user writes it for D1, over the same storage sluice gives
// SQLite (booleans 0/1, timestamps in epoch milliseconds, numerics, dates and json as text).
import { relations } from "drizzle-orm";
import { integer, numeric, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    email: text("email", { length: 320 }).notNull(),
    age: integer("age"),
    score: real("score"),
    balance: numeric("balance"),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    profile: text("profile", { mode: "json" }),
    birthday: text("birthday"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    invitedBy: integer("invited_by").references(() => users.id),
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email)],
);

export const groups = sqliteTable("groups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  description: text("description"),
});

export const usersToGroups = sqliteTable(
  "users_to_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    role: text("role").notNull().default("member"),
  },
  (t) => [uniqueIndex("users_to_groups_member_idx").on(t.userId, t.groupId)],
);

export const posts = sqliteTable("posts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  authorId: integer("author_id")
    .notNull()
    .references(() => users.id),
  title: text("title").notNull(),
  body: text("body"),
  views: integer("views").notNull().default(0),
  rating: real("rating"),
  published: integer("published", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

export const comments = sqliteTable("comments", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  postId: integer("post_id")
    .notNull()
    .references(() => posts.id),
  authorId: integer("author_id")
    .notNull()
    .references(() => users.id),
  parentId: integer("parent_id").references(() => comments.id),
  text: text("text").notNull(),
});

export const usersRelations = relations(users, ({ one, many }) => ({
  inviter: one(users, { fields: [users.invitedBy], references: [users.id], relationName: "invites" }),
  invitees: many(users, { relationName: "invites" }),
  posts: many(posts),
  memberships: many(usersToGroups),
  comments: many(comments),
}));

export const groupsRelations = relations(groups, ({ many }) => ({ memberships: many(usersToGroups) }));

export const usersToGroupsRelations = relations(usersToGroups, ({ one }) => ({
  user: one(users, { fields: [usersToGroups.userId], references: [users.id] }),
  group: one(groups, { fields: [usersToGroups.groupId], references: [groups.id] }),
}));

export const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
  comments: many(comments),
}));

export const commentsRelations = relations(comments, ({ one, many }) => ({
  post: one(posts, { fields: [comments.postId], references: [posts.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
  parent: one(comments, { fields: [comments.parentId], references: [comments.id], relationName: "thread" }),
  replies: many(comments, { relationName: "thread" }),
}));
