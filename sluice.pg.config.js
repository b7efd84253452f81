// The reference Worker's Postgres migrations (Neon, or sluice-gateway locally):
// `npx sluice generate --config sluice.pg.config.js`, then `migrate` with DATABASE_URL (and,
// for the gateway, NEON_HTTP_ENDPOINT) set. `scripts/dev.sh --neon` does this for a private
// cluster.
export default {
  schema: "./worker/app/schema.js",
  out: "./migrations-pg",
  dialect: "postgresql",
  strict: true,
};
