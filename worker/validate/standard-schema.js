/**
 * @module validate/standard-schema
 * A validator as a Standard Schema (v1, the interface zod, valibot and arktype share), so that
 * libraries which take "any validator" (Hono's standard validator middleware, form libraries)
 * take sluice's: `validate` answers `{ value }` or `{ issues }`, each issue with its field's path.
 */

/**
 * @param {(value: unknown) => { success: true, data: object } | { success: false, error: { flatten(): object } }} safeParse
 */
export function standardSchema(safeParse) {
  return {
    version: 1,
    vendor: "sluice",
    validate(value) {
      const out = safeParse(value);
      if (out.success) return { value: out.data };
      const { formErrors, fieldErrors } = out.error.flatten();
      const issues = formErrors.map((message) => ({ message }));
      for (const [key, messages] of Object.entries(fieldErrors)) for (const message of messages) issues.push({ message, path: [key] });
      return { issues };
    },
  };
}
