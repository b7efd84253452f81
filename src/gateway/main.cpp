// sluice-gateway: serves Neon's HTTP SQL protocol in front of a PostgreSQL server, for local
// development, tests, and self-hosted Postgres. See `sluice-gateway --help`.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "gateway/config.h"
#include "gateway/http_server.h"
#include "gateway/pool.h"

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

  // SIGINT and SIGTERM are taken by one thread with sigwait, so no handler runs inside the
  // server's code. Blocked here, before any thread starts, so every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client that disconnects mid-response must not kill the process.
  signal(SIGPIPE, SIG_IGN);

  connection_pool pool(config.pool);
  http_gateway gateway(config.server, pool);
  const int port = gateway.bind();
  if (port < 0) {
    std::fprintf(stderr, "sluice-gateway: cannot listen on %s:%d\n", config.server.listen.c_str(),
                 config.server.port);
    return 1;
  }
  const bool ipv6 = config.server.listen.find(':') != std::string::npos;
  std::printf("sluice-gateway listening on http://%s%s%s:%d\n", ipv6 ? "[" : "", config.server.listen.c_str(),
              ipv6 ? "]" : "", port);
  std::fflush(stdout);

  std::atomic<bool> served{false};
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    // stop() is a no-op until the server is listening: repeat until serve() has returned.
    while (!served.load()) {
      gateway.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  const bool ok = gateway.serve();
  served = true;
  // Wakes the stopper if no signal came (serving failed); a no-op once it has one.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return ok ? 0 : 1;
}
