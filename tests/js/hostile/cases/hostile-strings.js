// Strings written to break a query or a renderer: a safe API stores them verbatim where a
// field takes free text and refuses them where it does not.
export const INJECTIONS = [
  "'; drop table users; --",
  "' or '1'='1",
  "1 or 1=1",
  '"; delete from posts where ""="',
  "1); delete from posts; --",
  "' union select email, name from users --",
  "\\'; select pg_sleep(5); --",
  "1; select sqlite_version()",
  "admin'--",
  "$1",
  "?",
  "%s%s%n",
  "${7*7}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
];

/** JSON string literals the databases cannot store alike: refused on every text field. */
export const UNSTORABLE = [
  [String.raw`"a\u0000b"`, "U+0000"],
  [String.raw`"\u0000"`, "U+0000"],
  [String.raw`"\ud800"`, "U+D800"],
  [String.raw`"\udfff"`, "U+DFFF"],
  [String.raw`"x\ud83d"`, "U+D83D"],
  [String.raw`"\ude00x"`, "U+DE00"],
  [String.raw`"\udc00\ud800"`, "U+DC00"],
];

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__", "valueOf"];
