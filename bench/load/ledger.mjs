// What the load clients were told: every acknowledged write, and every answer that breaks a
// rule on the spot. `verify` then holds the final tables to it: nothing acknowledged is lost,
// nothing deleted comes back, no post outlives its author, nothing unacknowledged appears.
export class Ledger {
  users = new Map();
  posts = new Map();
  statuses = new Map();
  /** The first 50 answers or rows that broke a rule, and how many there were in all. */
  anomalies = [];
  anomalyCount = 0;
  /**
   * Emails and titles sent in writes whose outcome is unknown (a 5xx or a failed fetch): a row
   * holding one is neither lost nor unacknowledged. A user whose update or delete had no
   * known outcome is `uncertain` in `users`.
   */
  unknown = { emails: new Set(), titles: new Set() };

  answered(route, status) {
    const key = `${route} ${status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  anomaly(text) {
    this.anomalyCount += 1;
    if (this.anomalies.length < 50) this.anomalies.push(text);
  }

  count(predicate) {
    let n = 0;
    for (const [key, value] of this.statuses) if (predicate(key)) n += value;
    return n;
  }

  /** Checks the final rows of both tables (SQL column names) against the ledger. */
  verify({ users, posts }) {
    const found = {
      users: new Map(users.map((row) => [row.id, row])),
      posts: new Map(posts.map((row) => [row.id, row])),
    };
    const tally = { lost: 0, resurrected: 0, unacknowledged: 0, orphans: 0, wrong: 0 };
    const flag = (kind, text) => {
      tally[kind] += 1;
      this.anomaly(text);
    };
    for (const [id, user] of this.users) {
      if (user.uncertain) continue;
      const row = found.users.get(id);
      if (user.state === "deleted" && row) flag("resurrected", `user ${id} was deleted and is back`);
      if (user.state === "live" && !row) flag("lost", `user ${id} is acknowledged and missing`);
      if (user.state === "live" && row && (row.name !== user.name || row.email !== user.email)) {
        flag("wrong", `user ${id} holds ${JSON.stringify(row.name)}, last acknowledged ${JSON.stringify(user.name)}`);
      }
    }
    for (const [id, post] of this.posts) {
      const author = this.users.get(post.authorId);
      const row = found.posts.get(id);
      if (author?.uncertain) continue;
      if (author?.state === "deleted" && row) flag("resurrected", `post ${id} outlived the deletion of user ${post.authorId}`);
      if (author?.state === "live" && !row) flag("lost", `post ${id} is acknowledged and missing`);
      if (row && row.title !== post.title) flag("wrong", `post ${id} holds ${JSON.stringify(row.title)}`);
    }
    for (const row of found.users.values()) {
      if (!this.users.has(row.id) && !this.unknown.emails.has(row.email) && row.id > SEED_USERS) {
        flag("unacknowledged", `user ${row.id} (${row.email}) was never acknowledged`);
      }
    }
    for (const row of found.posts.values()) {
      if (!found.users.has(row.author_id)) flag("orphans", `post ${row.id} has no author ${row.author_id}`);
      if (!this.posts.has(row.id) && !this.unknown.titles.has(row.title) && row.id > SEED_POSTS) {
        flag("unacknowledged", `post ${row.id} (${row.title}) was never acknowledged`);
      }
    }
    return tally;
  }
}

// The tutorial's seed, which the clients read but never write.
export const SEED_USERS = 2;
export const SEED_POSTS = 2;
