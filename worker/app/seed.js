// The tutorial's seed: Alice (admin) and Bob (viewer) with one post each. Idempotent: users
// are keyed by email and a post is only added when its author has no post of that title.
import { and, eq } from "../index.js";
import { posts, users } from "./schema.js";

const SEED_USERS = [
  { email: "alice@example.com", name: "Alice", role: "admin" },
  { email: "bob@example.com", name: "Bob" },
];

const SEED_POSTS = [
  { author: "alice@example.com", title: "Drizzle ORM in Production", body: "Edge-ready, zero codegen", published: true },
  { author: "bob@example.com", title: "Why I Switched From Prisma", body: "Bundle size mattered", published: false },
];

export async function seed(db) {
  await db.insert(users).values(SEED_USERS).onConflictDoNothing({ target: users.email });
  for (const { author, ...post } of SEED_POSTS) {
    const owner = await db.query.users.findFirst({ columns: { id: true }, where: eq(users.email, author) });
    const present = await db.$count(posts, and(eq(posts.authorId, owner.id), eq(posts.title, post.title)));
    if (present === 0) await db.insert(posts).values({ ...post, authorId: owner.id });
  }
}
