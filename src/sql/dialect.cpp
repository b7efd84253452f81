#include "sql/dialect.h"

namespace sluice::sql {

const dialect& dialect_for(dialect_id id) noexcept {
  switch (id) {
    case dialect_id::postgres: return postgres_dialect();
    case dialect_id::sqlite: return sqlite_dialect();
  }
  return postgres_dialect();
}

}  // namespace sluice::sql
