// The three routes that read a body, each with a body it accepts: hostile cases are made by
// breaking one of these in one way. `freeText` fields take any storable text within their
// length (`unbounded`: no maximum).
const USER = { email: "hostile@example.com", name: "Hostile", role: "editor", isActive: true };

export const BODY_ROUTES = [
  { method: "POST", path: "/users", valid: USER, freeText: ["name"], unbounded: [] },
  { method: "POST", path: "/posts", valid: { authorId: 1, title: "Hostile", body: "Body", published: false }, freeText: ["title", "body"], unbounded: ["body"] },
  { method: "PATCH", path: "/users/1", valid: USER, freeText: ["name"], unbounded: [] },
];

export const label = (route) => `${route.method} ${route.path}`;
