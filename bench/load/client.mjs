// One load client: until the deadline, a random mix of writes and reads through the Worker.
// A client updates, deletes and reads back only the users it created, one request at a time,
// so the last acknowledged value of each is known; it adds posts to any client's users, so
// a post can race the deletion of its author (the cascade or the foreign key must win).
import { SEED_USERS } from "./ledger.mjs";

const MIX = [
  ["createUser", 25],
  ["createPost", 25],
  ["updateUser", 15],
  ["deleteUser", 10],
  ["readUser", 15],
  ["listUsers", 10],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [, weight]) => sum + weight, 0);

function pick(random) {
  let roll = random() * TOTAL_WEIGHT;
  for (const [op, weight] of MIX) if ((roll -= weight) < 0) return op;
  return MIX[0][0];
}

const isServerError = (status) => status === 0 || status >= 500;

export class LoadClient {
  #serial = 0;
  #own = [];

  /**
   * @param {number} index
   * @param {{ request: (path: string, init?: RequestInit) => Promise<Response> }} worker
   * @param {import("./ledger.mjs").Ledger} ledger
   * @param {number[]} everyone ids of every client's acknowledged users (shared)
   */
  constructor(index, worker, ledger, everyone, random = Math.random) {
    this.index = index;
    this.worker = worker;
    this.ledger = ledger;
    this.everyone = everyone;
    this.random = random;
  }

  async run(deadline) {
    while (Date.now() < deadline) {
      const op = this.#own.length === 0 ? "createUser" : pick(this.random);
      await this[op]();
    }
  }

  async #send(route, path, method = "GET", body) {
    const init = body === undefined ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
    let res;
    try {
      res = await this.worker.request(path, init);
    } catch (error) {
      this.ledger.answered(route, 0);
      this.ledger.anomaly(`${method} ${path}: ${error.message}`);
      return { status: 0 };
    }
    const text = await res.text();
    this.ledger.answered(route, res.status);
    if (res.status === 503 && !res.headers.get("retry-after")) this.ledger.anomaly(`${method} ${path}: 503 without Retry-After`);
    else if (isServerError(res.status) && res.status !== 503) this.ledger.anomaly(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    if (res.status >= 300) return { status: res.status, body: text };
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      this.ledger.anomaly(`${method} ${path}: ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      return { status: 0 };
    }
  }

  #unique(prefix) {
    return `${prefix}-${this.index}-${this.#serial++}`;
  }

  #randomOwn() {
    return this.#own[Math.floor(this.random() * this.#own.length)];
  }

  async createUser() {
    const email = `${this.#unique("load")}@example.com`;
    const name = this.#unique("name");
    const { status, body } = await this.#send("POST /users", "/users", "POST", { email, name });
    if (status === 201) {
      this.ledger.users.set(body.id, { email, name, state: "live", uncertain: false });
      this.#own.push(body.id);
      this.everyone.push(body.id);
    } else if (isServerError(status)) this.ledger.unknown.emails.add(email);
    else this.ledger.anomaly(`POST /users ${email}: ${status}`);
  }

  async createPost() {
    const authorId = this.random() < 0.5 ? this.#randomOwn() : this.everyone[Math.floor(this.random() * this.everyone.length)];
    const title = this.#unique("post");
    const { status, body } = await this.#send("POST /posts", "/posts", "POST", { authorId, title, body: "load" });
    const author = this.ledger.users.get(authorId);
    if (status === 201) this.ledger.posts.set(body.id, { authorId, title });
    else if (isServerError(status)) this.ledger.unknown.titles.add(title);
    else if (status !== 422 || author.state === "live") this.ledger.anomaly(`POST /posts for user ${authorId} (${author.state}): ${status}`);
  }

  async updateUser() {
    const id = this.#randomOwn();
    const user = this.ledger.users.get(id);
    const name = this.#unique("renamed");
    const { status, body } = await this.#send("PATCH /users/:id", `/users/${id}`, "PATCH", { name });
    if (status === 200 && body.name === name) user.name = name;
    else if (isServerError(status)) user.uncertain = true;
    else this.ledger.anomaly(`PATCH /users/${id}: ${status}`);
  }

  async deleteUser() {
    const id = this.#randomOwn();
    const user = this.ledger.users.get(id);
    this.#own.splice(this.#own.indexOf(id), 1);
    user.state = "deleting";
    const { status, body } = await this.#send("DELETE /users/:id", `/users/${id}`, "DELETE");
    if (status === 200 && body.email === user.email) user.state = "deleted";
    else if (isServerError(status)) user.uncertain = true;
    else this.ledger.anomaly(`DELETE /users/${id}: ${status}`);
  }

  async readUser() {
    const id = this.#randomOwn();
    const user = this.ledger.users.get(id);
    const { status, body } = await this.#send("GET /users/:id", `/users/${id}`);
    if (isServerError(status) || user.uncertain) return;
    if (status !== 200 || body.name !== user.name) this.ledger.anomaly(`GET /users/${id}: ${status}, expected ${user.name}`);
  }

  async listUsers() {
    const offset = Math.floor(this.random() * (SEED_USERS + this.everyone.length));
    const { status, body } = await this.#send("GET /users", `/users?limit=50&offset=${offset}`);
    if (status === 200 && !Array.isArray(body)) this.ledger.anomaly(`GET /users: not a list`);
  }
}
