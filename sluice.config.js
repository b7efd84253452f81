// The reference Worker's D1 migrations: `npx sluice generate` after a change to the schema,
// `npx sluice migrate` (or `wrangler d1 migrations apply`, which reads the same folder) to
// apply them. scripts/dev.sh runs migrate on the local D1 that `wrangler dev` serves.
export default {
  schema: "./worker/app/schema.js",
  out: "./migrations",
  dialect: "sqlite",
  d1: { binding: "DB" },
  strict: true,
};
