#pragma once
// Parses a query spec (docs/internals.md §2) into the AST, resolving every table, column and
// relation key against the catalog, so the compiler never meets an unknown name.
#include "core/dom.h"
#include "core/result.h"
#include "query/query.h"
#include "schema/catalog.h"

namespace sluice::query {

// `root` is the spec object; its `schema` and `dialect` members are the caller's business.
// Unknown members are ignored. Errors (each with the JSON path at fault): invalid_document
// (missing or mistyped member), unknown_table, unknown_column, unknown_relation.
[[nodiscard]] result<spec> parse_spec(const schema::catalog& cat, dom::object root) noexcept;

}  // namespace sluice::query
