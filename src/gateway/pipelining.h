#pragma once
// Which queries may share a pipelined connection with other requests' queries (pool.h).
// Each runs as its own implicit transaction either way; what must not happen is one query
// changing the session under the others. So only statements that begin with SELECT, WITH,
// VALUES, TABLE, INSERT, UPDATE or DELETE qualify: not SET, BEGIN, PREPARE, LISTEN, DDL,
// and so on. (A function called inside a query can still change the session, set_config for
// one; pooled sessions share that caveat, pipelined or not.)
#include <string_view>

namespace sluice::gateway {

[[nodiscard]] bool pipelinable(std::string_view sql) noexcept;

}  // namespace sluice::gateway
