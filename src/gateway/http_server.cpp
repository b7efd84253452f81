// cpp-httplib is Debian's compiled library (built with exceptions); its header needs none,
// so this file builds with -fno-exceptions like the rest. The library catches whatever a
// handler throws; ours throw nothing (allocation failure aside).
#include "gateway/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string_view>

#include "gateway/error_json.h"
#include "gateway/execute.h"

namespace sluice::gateway {
namespace {

using httplib::Request;
using httplib::Response;

std::optional<std::string_view> header(const Request& req, const std::string& name) {
  const auto it = req.headers.find(name);
  if (it == req.headers.end()) return std::nullopt;
  return std::string_view(it->second);
}

void send(Response& res, int status, std::string body) {
  res.status = status;
  res.body = std::move(body);
  res.set_header("Content-Type", "application/json");
}

void send(Response& res, failure f) { send(res, f.http_status, std::move(f.body)); }

// Idle keep-alive connections are closed after this long. Short, because each one holds a
// thread, and because stop() waits for them; clients read it from the Keep-Alive header.
constexpr time_t keep_alive_seconds = 3;

// When the request being served started, for --verbose.
thread_local std::chrono::steady_clock::time_point request_started;

}  // namespace

struct http_gateway::impl {
  server_settings settings;
  connection_pool& pool;
  httplib::Server server;
  int listen_socket = -1;

  impl(server_settings s, connection_pool& p) : settings(std::move(s)), pool(p) {}

  void handle_sql(const Request& req, Response& res) {
    const auto connection_string = header(req, "Neon-Connection-String");
    if (!connection_string) return send(res, gateway_failure(400, "invalid header: neon-connection-string"));
    auto target = parse_connection_string(*connection_string);
    if (!target.ok()) return send(res, std::move(target.fail()));

    auto request = parse_sql_request(req.body);
    if (!request.ok()) return send(res, std::move(request.fail()));

    batch_options batch;
    if (request.value().batch) {
      auto parsed = parse_batch_options(header(req, "Neon-Batch-Isolation-Level"),
                                        header(req, "Neon-Batch-Read-Only"),
                                        header(req, "Neon-Batch-Deferrable"));
      if (!parsed.ok()) return send(res, std::move(parsed.fail()));
      batch = parsed.value();
    }

    auto conn = pool.acquire(target.value());
    if (!conn.ok()) return send(res, std::move(conn.fail()));
    response_mode mode;
    mode.raw_text = header(req, "Neon-Raw-Text-Output") == "true";
    mode.array_mode = header(req, "Neon-Array-Mode") == "true";
    mode.max_bytes = settings.max_response_bytes;
    auto body = execute(conn.value(), request.value(), batch, mode);
    if (!body.ok()) return send(res, std::move(body.fail()));

    // Neon echoes the transaction mode a batch ran with.
    if (request.value().batch) {
      if (!batch.isolation.empty()) res.set_header("Neon-Batch-Isolation-Level", std::string(batch.isolation));
      if (batch.read_only) res.set_header("Neon-Batch-Read-Only", "true");
      if (batch.deferrable) res.set_header("Neon-Batch-Deferrable", "true");
    }
    send(res, 200, std::move(body.value()));
  }

  // Fills in a JSON body for the errors the library answers itself (no route, a body over
  // the limit, a malformed request); responses that already have one pass through.
  httplib::Server::HandlerResponse handle_error(Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 404 || res.status == 405) {
      // Neon answers every other path and method with 400.
      send(res, gateway_failure(400, "query is not supported"));
    } else if (res.status == 413) {
      send(res, gateway_failure(413, "request is too large (max is " + std::to_string(settings.max_request_bytes) +
                                         " bytes)"));
    } else {
      send(res, gateway_failure(res.status, "could not parse the HTTP request"));
    }
    return httplib::Server::HandlerResponse::Handled;
  }

  void configure() {
    const size_t threads = settings.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(settings.max_request_bytes);
    server.set_keep_alive_timeout(keep_alive_seconds);
    server.set_keep_alive_max_count(1000000);
    // Headers and body go out in two writes: without this, Nagle's algorithm holds the body
    // back until the client's delayed ACK.
    server.set_tcp_nodelay(true);
    server.set_socket_options([this](int sock) {
      // The library's default sets SO_REUSEPORT, which would let a second gateway bind the
      // same port silently. SO_REUSEADDR alone allows a restart over TIME_WAIT.
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_socket = sock;
    });
    server.set_default_headers({{"Access-Control-Allow-Origin", "*"}});

    server.Post("/sql", [this](const Request& req, Response& res) { handle_sql(req, res); });
    server.Options("/sql", [](const Request&, Response& res) {
      res.status = 200;
      res.set_header("Allow", "OPTIONS, POST");
      res.set_header("Access-Control-Allow-Headers",
                     "Authorization, Content-Type, Neon-Connection-String, Neon-Raw-Text-Output, "
                     "Neon-Array-Mode, Neon-Pool-Opt-In, Neon-Batch-Read-Only, "
                     "Neon-Batch-Isolation-Level, Neon-Batch-Deferrable");
      res.set_header("Access-Control-Allow-Methods", "OPTIONS, POST");
      res.set_header("Access-Control-Max-Age", "86400");
    });
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const Request&, Response& res) { return handle_error(res); }));
    if (settings.verbose) {
      server.set_pre_routing_handler([](const Request&, Response&) {
        request_started = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
      });
      server.set_logger([](const Request& req, const Response& res) {
        // Headers are never logged: the connection string carries a password.
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - request_started)
                                .count();
        std::fprintf(stderr, "%s %s %d %zuB %.1fms\n", req.method.c_str(), req.path.c_str(), res.status,
                     res.body.size(), static_cast<double>(micros) / 1000.0);
      });
    }
  }
};

http_gateway::http_gateway(server_settings settings, connection_pool& pool) noexcept
    : impl_(std::make_unique<impl>(std::move(settings), pool)) {
  impl_->configure();
}

http_gateway::~http_gateway() = default;

int http_gateway::bind() noexcept {
  auto& s = impl_->settings;
  int port = s.port;
  if (port == 0) {
    port = impl_->server.bind_to_any_port(s.listen);
  } else if (!impl_->server.bind_to_port(s.listen, port)) {
    port = -1;
  }
  // The library listens with a backlog of 5, so a burst of new connections (a load test, a
  // busy Worker) would see SYNs dropped and retried a second later. Listening again only
  // raises the backlog.
  if (port > 0 && impl_->listen_socket >= 0) ::listen(impl_->listen_socket, SOMAXCONN);
  return port;
}

bool http_gateway::serve() noexcept { return impl_->server.listen_after_bind(); }

void http_gateway::stop() noexcept { impl_->server.stop(); }

}  // namespace sluice::gateway
