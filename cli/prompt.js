/**
 * @module cli/prompt
 * Rename questions on a terminal: for each added table or column, "renamed from which of the
 * dropped ones, or new?".
 */
import { createInterface } from "node:readline/promises";

/**
 * @param {{ table: string, dropped: string[], added: string[] }[]} ambiguities
 * @returns {Promise<{ renames: { from: string, to: string }[] }>}
 */
export async function askRenames(ambiguities, input = process.stdin, output = process.stderr) {
  const rl = createInterface({ input, output });
  const renames = [];
  try {
    for (const a of ambiguities) {
      const left = [...a.dropped];
      for (const added of a.added) {
        if (left.length === 0) break;
        const what = a.table ? `column ${a.table}.${added}` : `table ${added}`;
        const choices = left.map((d, i) => `  ${i + 1}) renamed from ${a.table ? `${a.table}.` : ""}${d}`).join("\n");
        const answer = await rl.question(`Is ${what} new or renamed?\n  0) new\n${choices}\n> `);
        const pick = Number.parseInt(answer, 10);
        if (!(pick >= 1 && pick <= left.length)) continue;
        const [from] = left.splice(pick - 1, 1);
        renames.push(a.table ? { from: `${a.table}.${from}`, to: `${a.table}.${added}` } : { from, to: added });
      }
    }
  } finally {
    rl.close();
  }
  return { renames };
}
