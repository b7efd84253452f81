// sluice-gateway: serves Neon's HTTP SQL protocol in front of a PostgreSQL server, for local
// development, tests, and self-hosted Postgres. See `sluice-gateway --help`.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gateway/config.h"
#include "gateway/server.h"

extern char** environ;

namespace {

// libpq fills any connection setting left out from PG* variables (PGUSER, PGPASSWORD,
// PGPASSFILE, PGSERVICE, ...): a request must never connect with the gateway's own.
void forget_libpq_environment() {
  std::vector<std::string> names;
  for (char** entry = environ; *entry; ++entry) {
    const std::string_view e(*entry);
    if (e.starts_with("PG")) names.emplace_back(e.substr(0, e.find('=')));
  }
  for (const auto& name : names) unsetenv(name.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sluice::gateway;
  gateway_config config;
  std::string message;
  switch (parse_args(argc, argv, config, message)) {
    case parse_result::help:
      std::fputs(usage(), stdout);
      return 0;
    case parse_result::error:
      std::fprintf(stderr, "sluice-gateway: %s\n%s", message.c_str(), usage());
      return 2;
    case parse_result::run:
      break;
  }

  forget_libpq_environment();

  // SIGINT and SIGTERM are taken by one thread with sigwait, so no handler interrupts the
  // loops. Blocked here, before any thread starts, so every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  gateway_server server(config.server, config.pool);
  const int port = server.bind();
  if (port < 0) return 1;
  const bool ipv6 = config.server.listen.find(':') != std::string::npos;
  std::printf("sluice-gateway listening on http://%s%s%s:%d\n", ipv6 ? "[" : "", config.server.listen.c_str(),
              ipv6 ? "]" : "", port);
  std::fflush(stdout);

  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  });
  const bool ok = server.serve();
  // Wakes the stopper when serving ended without a signal (it could not start).
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return ok ? 0 : 1;
}
