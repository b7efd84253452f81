// The rows every case starts from: nulls in each nullable column, unicode and LIKE's special
// characters in text, ties in the columns cases order and group by, reals that no short
// decimal spells, and two threads of self references (invitations, replies).

const at = (day, hour = 0, ms = 0) => new Date(Date.UTC(2026, 0, day, hour, 0, 0, ms));

export const SEED = {
  users: [
    { id: 1, name: "Ada", email: "ada@example.com", age: 36, score: 0.1 + 0.2, balance: "100.00", isActive: true, profile: { theme: "dark", langs: ["en", "fi"] }, birthday: "1990-01-15", createdAt: at(1, 9), invitedBy: null },
    { id: 2, name: "Zoë", email: "zoe@example.com", age: 28, score: 1.5, balance: "0.50", isActive: true, profile: null, birthday: null, createdAt: at(1, 9), invitedBy: null },
    { id: 3, name: "Łukasz", email: "lukasz@example.com", age: 36, score: -2.25, balance: null, isActive: false, profile: { theme: "light" }, birthday: "1989-12-31", createdAt: at(2, 10, 250), invitedBy: 1 },
    { id: 4, name: "José", email: "jose@example.com", age: null, score: null, balance: "-12.34", isActive: true, profile: { nested: { a: 1, b: [true, null] } }, birthday: "2000-02-29", createdAt: at(3), invitedBy: 1 },
    { id: 5, name: "ada", email: "ada.lower@example.com", age: 19, score: 1e-7, balance: "99999.99", isActive: true, profile: [], birthday: "2006-06-06", createdAt: at(3), invitedBy: 2 },
    { id: 6, name: "Émile", email: "emile@example.fr", age: 52, score: 3.141592653589793, balance: "100.00", isActive: false, profile: null, birthday: null, createdAt: at(4, 23, 999), invitedBy: 3 },
    { id: 7, name: "李雷", email: "lilei@example.cn", age: 28, score: 1.5, balance: "0.00", isActive: true, profile: { 名: "雷" }, birthday: "1995-05-05", createdAt: at(5), invitedBy: null },
    { id: 8, name: "Mikko_O", email: "mikko@example.fi", age: 41, score: 123456789.125, balance: null, isActive: true, profile: { emoji: "🎉" }, birthday: "1985-03-01", createdAt: at(6, 12), invitedBy: 3 },
    { id: 9, name: "100% Bob", email: "bob@example.com", age: null, score: -0.5, balance: "7.25", isActive: false, profile: null, birthday: null, createdAt: at(7), invitedBy: 6 },
    { id: 10, name: "Nadia", email: "nadia@example.com", age: 23, score: 2.5e-10, balance: "42.42", isActive: true, profile: { theme: "dark" }, birthday: "2003-08-17", createdAt: at(8, 8), invitedBy: null },
  ],
  groups: [
    { id: 1, name: "admins", description: "People who run things" },
    { id: 2, name: "writers", description: null },
    { id: 3, name: "readers", description: "Everyone who reads" },
    { id: 4, name: "Ünïcødé 🎉", description: null },
  ],
  usersToGroups: [
    { id: 1, userId: 1, groupId: 1, role: "owner" },
    { id: 2, userId: 1, groupId: 2, role: "member" },
    { id: 3, userId: 2, groupId: 2, role: "member" },
    { id: 4, userId: 3, groupId: 2, role: "editor" },
    { id: 5, userId: 3, groupId: 3, role: "member" },
    { id: 6, userId: 4, groupId: 3, role: "member" },
    { id: 7, userId: 5, groupId: 3, role: "member" },
    { id: 8, userId: 6, groupId: 1, role: "member" },
    { id: 9, userId: 6, groupId: 4, role: "owner" },
    { id: 10, userId: 7, groupId: 3, role: "member" },
    { id: 11, userId: 8, groupId: 4, role: "member" },
    { id: 12, userId: 10, groupId: 2, role: "editor" },
  ],
  posts: [
    { id: 1, authorId: 1, title: "Hello, world", body: "First post", views: 10, rating: 4.5, published: true, createdAt: at(2, 8) },
    { id: 2, authorId: 1, title: "Drafts are fine", body: null, views: 0, rating: null, published: false, createdAt: at(2, 9) },
    { id: 3, authorId: 1, title: "100% done", body: "Percent sign", views: 10, rating: 0.1, published: true, createdAt: at(3, 8) },
    { id: 4, authorId: 2, title: "Zoë's notes", body: "Ünïcødé body", views: 25, rating: 3.3, published: true, createdAt: at(3, 8) },
    { id: 5, authorId: 2, title: "under_score", body: "Underscore in title", views: 3, rating: 2.75, published: false, createdAt: at(4) },
    { id: 6, authorId: 3, title: "Pierogi", body: "Recipe", views: 100, rating: 5, published: true, createdAt: at(4, 1) },
    { id: 7, authorId: 3, title: "hello again", body: null, views: 10, rating: 1.1, published: true, createdAt: at(5) },
    { id: 8, authorId: 4, title: "¿Qué tal?", body: "Español", views: 7, rating: null, published: true, createdAt: at(5, 3) },
    { id: 9, authorId: 6, title: "Café crème", body: "Accents", views: 42, rating: 4.25, published: false, createdAt: at(6) },
    { id: 10, authorId: 6, title: "Émile's second", body: "More", views: 42, rating: 0.30000000000000004, published: true, createdAt: at(6, 5) },
    { id: 11, authorId: 7, title: "你好", body: "中文", views: 8, rating: 3.3, published: true, createdAt: at(7) },
    { id: 12, authorId: 8, title: "Sauna", body: "Löyly", views: 0, rating: -1, published: true, createdAt: at(7, 6) },
    { id: 13, authorId: 8, title: "Sisu", body: null, views: 15, rating: null, published: false, createdAt: at(8) },
    { id: 14, authorId: 10, title: "Last one", body: "The end", views: 1, rating: 2.5, published: true, createdAt: at(9) },
  ],
  comments: [
    { id: 1, postId: 1, authorId: 2, parentId: null, text: "Nice!" },
    { id: 2, postId: 1, authorId: 1, parentId: 1, text: "Thanks" },
    { id: 3, postId: 1, authorId: 3, parentId: 2, text: "You're welcome 🙂" },
    { id: 4, postId: 1, authorId: 4, parentId: null, text: "Hola" },
    { id: 5, postId: 4, authorId: 1, parentId: null, text: "Great notes" },
    { id: 6, postId: 4, authorId: 2, parentId: 5, text: "Kiitos" },
    { id: 7, postId: 6, authorId: 5, parentId: null, text: "Yum" },
    { id: 8, postId: 6, authorId: 6, parentId: 7, text: "Indeed" },
    { id: 9, postId: 6, authorId: 7, parentId: 7, text: "同意" },
    { id: 10, postId: 10, authorId: 8, parentId: null, text: "Très bien" },
    { id: 11, postId: 11, authorId: 10, parentId: null, text: "👍" },
    { id: 12, postId: 12, authorId: 1, parentId: null, text: "Hot" },
  ],
};

/** Schema keys in the order rows can be inserted (referenced tables first). */
export const TABLE_KEYS = ["users", "groups", "usersToGroups", "posts", "comments"];
