// The HTTP server on Boost.Beast/Asio.
//
// One io_context runs on `io_threads` threads and does only socket work: reading,
// parsing (with the named limits below), writing. Requests that touch the store are
// handed to a separate pool of `store_threads` and their responses posted back to
// the connection's strand, so a slow query never stalls the network. A handler may
// answer later (Response::deferred, e.g. vital signs once their group commits): the
// store thread is released at once and the request stays queued until the answer
// is posted back.
//
// Limits per connection: body and header size, an idle/read timeout, and a global
// bound on queued requests, deferred ones included (over it: 503). On SIGTERM or
// SIGINT the server stops accepting, closes idle keep-alive connections, lets
// in-flight requests finish, deferred answers included (up to `drain_timeout_s`),
// closes live WebSockets ("going away"), and returns from run(). Whatever holds a
// deferred Respond must call it (or be stopped) before the Server is destroyed.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/api.h"
#include "http/metrics.h"
#include "live/hub.h"

namespace kc::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see bound_port())
  int io_threads = 1;
  int store_threads = 4;
  std::size_t body_limit_bytes = 1024 * 1024;
  std::size_t header_limit_bytes = 16 * 1024;
  int idle_timeout_s = 30;
  int max_queued_requests = 1024;
  int drain_timeout_s = 10;
  bool trust_forwarded_for = false;
};

class Server {
 public:
  /// With a hub, GET /api/v1/live upgrades to a WebSocket of the hub's events.
  Server(ServerOptions options, Api& api, Metrics& metrics, live::Hub* hub = nullptr);
  ~Server();

  /// Binds the listening socket; throws std::runtime_error if it cannot.
  void bind();
  unsigned short bound_port() const;
  /// Serves until SIGTERM/SIGINT or stop(); then drains and returns.
  void run();
  /// Starts a graceful stop from any thread.
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kc::http
