// The D1 driver under injected faults: a real local D1 behind a binding that breaks one way
// at a time (./d1-faults.js), for every kind of query (./queries.js).
import { Miniflare } from "miniflare";

import { applySchemaToD1 } from "../../../../scripts/lib/schema-ddl.mjs";
import * as schema from "../../../../worker/app/schema.js";
import { d1 } from "../../../../worker/drivers/d1.js";
import { createDb } from "../../../../worker/index.js";
import { clear } from "../../d1-database.js";
import { faultyBinding } from "./d1-binding.js";
import { D1_FAULTS } from "./d1-faults.js";
import { faultMatrix } from "./matrix.js";
import { limitsOf } from "./limits.js";

async function start() {
  const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: ["DB"] });
  const real = await mf.getD1Database("DB");
  await applySchemaToD1(real, schema);
  return {
    db(fault) {
      const { binding, fired } = faultyBinding(real, fault);
      return { db: createDb({ schema, logger: false, driver: d1(binding, limitsOf(fault)) }), fired };
    },
    clear: () => clear(real),
    stop: () => mf.dispose(),
  };
}

faultMatrix({ name: "d1 driver faults", start, faults: D1_FAULTS, minimumRejected: 250 });
