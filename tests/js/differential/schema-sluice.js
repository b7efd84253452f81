// The differential suite's schema as a sluice user writes it (one module for both dialects):
// users who invite users (a self relation), groups joined to users many-to-many, posts, and
// comments that answer comments (a second self relation). Nullable columns of every kind, reals,
// numerics, json, dates and timestamps; no column defaults to the clock, so a write gives the
// same rows whichever library makes it.
import {
  boolean,
  date,
  integer,
  json,
  numeric,
  real,
  relations,
  serial,
  table,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "../../../worker/index.js";

export const users = table(
  "users",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    email: varchar("email", { length: 320 }).notNull(),
    age: integer("age"),
    score: real("score"),
    balance: numeric("balance", { precision: 12, scale: 2 }),
    isActive: boolean("is_active").notNull().default(true),
    profile: json("profile"),
    birthday: date("birthday"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    invitedBy: integer("invited_by").references(() => users.id),
  },
  (t) => ({ emailIdx: uniqueIndex("users_email_idx").on(t.email) }),
);

export const groups = table("groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description"),
});

export const usersToGroups = table(
  "users_to_groups",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    role: text("role").notNull().default("member"),
  },
  (t) => ({ memberIdx: uniqueIndex("users_to_groups_member_idx").on(t.userId, t.groupId) }),
);

export const posts = table("posts", {
  id: serial("id").primaryKey(),
  authorId: integer("author_id")
    .notNull()
    .references(() => users.id),
  title: text("title").notNull(),
  body: text("body"),
  views: integer("views").notNull().default(0),
  rating: real("rating"),
  published: boolean("published").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const comments = table("comments", {
  id: serial("id").primaryKey(),
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
