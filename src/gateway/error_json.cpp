#include "gateway/error_json.h"

#include <string>

#include "core/json_writer.h"

namespace sluice::gateway {
namespace {

// Neon's key order, each with the ErrorResponse field that fills it (A8).
struct error_key {
  std::string_view name;
  int field;
};
constexpr error_key error_keys[] = {
    {"message", PG_DIAG_MESSAGE_PRIMARY},
    {"code", PG_DIAG_SQLSTATE},
    {"detail", PG_DIAG_MESSAGE_DETAIL},
    {"hint", PG_DIAG_MESSAGE_HINT},
    {"position", PG_DIAG_STATEMENT_POSITION},
    {"internalPosition", PG_DIAG_INTERNAL_POSITION},
    {"internalQuery", PG_DIAG_INTERNAL_QUERY},
    {"severity", PG_DIAG_SEVERITY},
    {"where", PG_DIAG_CONTEXT},
    {"table", PG_DIAG_TABLE_NAME},
    {"column", PG_DIAG_COLUMN_NAME},
    {"schema", PG_DIAG_SCHEMA_NAME},
    {"dataType", PG_DIAG_DATATYPE_NAME},
    {"constraint", PG_DIAG_CONSTRAINT_NAME},
    {"file", PG_DIAG_SOURCE_FILE},
    {"line", PG_DIAG_SOURCE_LINE},
    {"routine", PG_DIAG_SOURCE_FUNCTION},
};

// libpq's own messages end in a newline and may carry a second, explanatory line.
std::string_view first_line(std::string_view text) noexcept {
  const auto end = text.find('\n');
  if (end != std::string_view::npos) text = text.substr(0, end);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

failure gateway_failure(int http_status, std::string_view message, std::string_view code) noexcept {
  json_writer w;
  w.begin_object();
  for (const auto& k : error_keys) {
    w.key(k.name);
    if (k.field == PG_DIAG_MESSAGE_PRIMARY) {
      w.string(message);
    } else if (k.field == PG_DIAG_SQLSTATE) {
      w.string(code);
    } else if (k.field == PG_DIAG_SEVERITY) {
      w.string(code.empty() ? "" : "ERROR");
    } else {
      w.null();
    }
  }
  w.end_object();
  return failure{http_status, w.take()};
}

failure statement_failure(const PGresult* res, const PGconn* conn) noexcept {
  const char* sqlstate = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  if (sqlstate == nullptr) {
    const bool gone = PQstatus(conn) != CONNECTION_OK;
    const char* text = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
    return gateway_failure(gone ? 500 : 400, first_line(text ? text : "unknown libpq error"));
  }
  json_writer w;
  w.begin_object();
  for (const auto& k : error_keys) {
    w.key(k.name);
    const char* value = PQresultErrorField(res, k.field);
    if (value) {
      w.string(value);
    } else {
      w.null();
    }
  }
  w.end_object();
  return failure{400, w.take()};
}

failure connect_failure(const PGconn* conn) noexcept {
  // libpq reports a refusal as `connection to server ... failed: FATAL:  <server message>`.
  // Only the server's message goes back: the prefix names the socket or address behind the
  // gateway. libpq exposes no SQLSTATE for a failed connection, so `code` stays "".
  const std::string_view text = conn ? PQerrorMessage(conn) : "out of memory";
  constexpr std::string_view fatal = "FATAL:  ";
  const auto at = text.find(fatal);
  if (at != std::string_view::npos) {
    return gateway_failure(400, first_line(text.substr(at + fatal.size())));
  }
  // Unreachable: keep libpq's reason (`Connection refused`, a timeout) but not the address.
  constexpr std::string_view failed = "failed: ";
  const auto reason_at = text.rfind(failed);
  std::string message = "could not connect to the database";
  if (reason_at != std::string_view::npos) {
    message += ": ";
    message += first_line(text.substr(reason_at + failed.size()));
  }
  return gateway_failure(500, message);
}

}  // namespace sluice::gateway
