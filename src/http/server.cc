#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "http/json_codec.h"
#include "live/connection.h"

namespace kc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

class Session;

struct Server::Impl {
  Impl(ServerOptions o, Api& a, Metrics& m, live::Hub* h)
      : options(std::move(o)),
        api(a),
        metrics(m),
        hub(h),
        workers(static_cast<std::size_t>(std::max(1, options.store_threads))),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        drain_timer(ioc) {}

  void accept();
  void begin_drain();
  void check_drained(Clock::time_point deadline);
  void add_live(const std::shared_ptr<live::Connection>& connection);
  /// Live connections still open (expired entries are dropped).
  std::vector<std::shared_ptr<live::Connection>> live_connections();

  ServerOptions options;
  Api& api;
  Metrics& metrics;
  live::Hub* hub;
  // Declared before the io_context so that they outlive it: a response posted after
  // the io_context stopped (a deferred answer after a drain timeout) is destroyed
  // with it, and its Session's destructor still uses them.
  std::atomic<bool> draining{false};
  std::atomic<int> queued{0};  // requests handed to the store threads and not yet answered
  std::mutex sessions_mutex;   // guards sessions
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  std::mutex lives_mutex;  // guards lives
  std::vector<std::weak_ptr<live::Connection>> lives;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer drain_timer;
};

namespace {

Request to_request(const bhttp::request<bhttp::string_body>& in, std::string client) {
  Request r;
  r.method = std::string(in.method_string());
  r.target = std::string(in.target());
  for (const auto& f : in) {
    std::string name(f.name_string());
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    r.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  r.body = in.body();
  r.client_address = std::move(client);
  return r;
}

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    peer_ = ec ? "unknown" : endpoint.address().to_string();
  }
  ~Session() {
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.erase(this);
  }

  void start() {
    {
      std::lock_guard lock(server_.sessions_mutex);
      server_.sessions[this] = weak_from_this();
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  /// Draining: a connection waiting for its next request is closed now; one that is
  /// working finishes its response and then closes.
  void close_if_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->waiting_) self->stream_.cancel();
    });
  }

 private:
  const ServerOptions& options() const { return server_.options; }

  void read() {
    if (server_.draining) return close();
    parser_.emplace();
    parser_->body_limit(options().body_limit_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(options().header_limit_bytes));
    stream_.expires_after(std::chrono::seconds(options().idle_timeout_s));
    waiting_ = buffer_.size() == 0;
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    waiting_ = false;
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::eof)
      return close();
    started_ = Clock::now();
    if (ec == bhttp::error::body_limit)
      return reply_and_close(
          413, "body_too_large",
          "The request body is larger than " + std::to_string(options().body_limit_bytes) + " bytes.");
    if (ec == bhttp::error::header_limit)
      return reply_and_close(431, "headers_too_large", "The request headers are too large.");
    if (ec) return reply_and_close(400, "bad_request", "The request is not valid HTTP.");

    const auto& message = parser_->get();
    keep_alive_ = message.keep_alive();
    head_ = message.method() == bhttp::verb::head;
    Request request = to_request(message, peer_);
    if (options().trust_forwarded_for)
      if (auto xff = request.last_header("x-forwarded-for")) request.client_address = forwarded_client(*xff);
    auto target = parse_target(request.target);
    if (!target) return reply_and_close(400, "bad_request", target.error().message);
    request.path = std::move(target->first);
    request.query = std::move(target->second);
    if (server_.hub && request.path == "/api/v1/live") return upgrade_live(std::move(request));

    if (server_.api.runs_inline(request)) return respond(server_.api.handle(request));
    if (server_.queued.fetch_add(1) >= options().max_queued_requests) {
      server_.queued.fetch_sub(1);
      Response busy = error_response({ErrorKind::unavailable, "overloaded", "The server is busy; try again.", {}});
      busy.set("Retry-After", "1");
      busy.route = "overloaded";
      add_security_headers(busy);
      return respond(std::move(busy));
    }
    server_.metrics.add_in_flight(1);
    asio::post(server_.workers, [self = shared_from_this(), request = std::move(request)]() mutable {
      Response response = self->server_.api.handle(request);
      if (!response.deferred) return self->finish(std::move(response));
      // The store thread is free again at once; the answer comes from whoever holds
      // the Respond (the vitals writer, after its group commits).
      auto deferred = std::move(response.deferred);
      deferred([self](Response final) { self->finish(std::move(final)); });
    });
  }

  /// The answer to a queued request, from any thread: sent on the connection's strand.
  /// The connection stays open until then (the Session is kept alive by `self`); a
  /// client that went away meanwhile makes the write fail, which closes it.
  void finish(Response response) {
    asio::post(stream_.get_executor(), [self = shared_from_this(), response = std::move(response)]() mutable {
      self->server_.queued.fetch_sub(1);
      self->server_.metrics.add_in_flight(-1);
      self->respond(std::move(response));
    });
  }

  /// GET /api/v1/live: authenticate off the I/O threads, then hand the socket to a
  /// live::Connection (this Session ends; the connection owns the stream).
  void upgrade_live(Request request) {
    if (!beast::websocket::is_upgrade(parser_->get())) {
      keep_alive_ = false;
      Response r = error_response(
          {ErrorKind::invalid, "websocket_required", "GET /api/v1/live is a WebSocket: send an Upgrade request.", {}});
      r.status = 426;
      r.set("Upgrade", "websocket");
      r.route = "GET /api/v1/live";
      add_security_headers(r);
      return respond(std::move(r));
    }
    asio::post(server_.workers, [self = shared_from_this(), request = std::move(request)]() mutable {
      auto caller = self->server_.api.live_caller(request);
      asio::post(self->stream_.get_executor(), [self, request = std::move(request),
                                                caller = std::move(caller)]() mutable {
        if (!caller || self->server_.draining) {
          Response r = caller ? error_response({ErrorKind::unavailable, "draining", "The server is shutting down.", {}})
                              : error_response(caller.error());
          r.route = "GET /api/v1/live";
          add_security_headers(r);
          self->keep_alive_ = false;
          return self->respond(std::move(r));
        }
        self->start_live(std::move(request), std::move(caller.value()));
      });
    });
  }

  void start_live(Request request, app::Caller caller) {
    std::int64_t since = 0;
    if (auto s = request.query_param("since")) {
      try {
        since = std::max<std::int64_t>(0, std::stoll(*s));
      } catch (const std::exception&) {
        since = 0;  // not a number: treated as a fresh start (the screen reloads)
      }
    }
    const std::string stream = request.query_param("stream").value_or("");
    Api& api = server_.api;
    asio::thread_pool& workers = server_.workers;
    auto revalidate = [&api, &workers, request](std::function<void(bool)> done) {
      asio::post(workers, [&api, request, done = std::move(done)] { done(api.live_caller(request).ok()); });
    };
    auto connection = std::make_shared<live::Connection>(std::move(stream_), *server_.hub, std::move(caller), stream,
                                                         since, std::move(revalidate), std::chrono::seconds(60));
    server_.add_live(connection);
    server_.metrics.observe("GET /api/v1/live", 101, std::chrono::duration<double>(Clock::now() - started_).count());
    spdlog::info("http GET /api/v1/live 101");
    connection->run(parser_->release());
  }

  void reply_and_close(int status, std::string code, std::string message) {
    keep_alive_ = false;
    Response r = error_response({ErrorKind::invalid, std::move(code), std::move(message), {}});
    r.status = status;
    r.route = "malformed";
    add_security_headers(r);
    linger_ = true;
    respond(std::move(r));
  }

  void respond(Response r) {
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(r.status), 11);
    message->set(bhttp::field::server, "KetaClinic");
    message->set(bhttp::field::content_type, r.content_type);
    for (const auto& [name, value] : r.headers) message->insert(name, value);
    message->keep_alive(keep_alive_ && !r.close && !server_.draining);
    if (!head_) message->body() = std::move(r.body);
    message->prepare_payload();
    if (head_) message->content_length(r.body.size());
    const double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    server_.metrics.observe(r.route, r.status, seconds);
    // The request log: route pattern, status, time. Never paths, queries or bodies.
    spdlog::info("http {} {} {:.2f}ms", r.route, r.status, seconds * 1000);
    stream_.expires_after(std::chrono::seconds(options().idle_timeout_s));
    bhttp::async_write(stream_, *message, [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
      if (ec || !message->keep_alive()) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (!linger_) return;
    // Read and discard what the client is still sending (e.g. the rest of an
    // oversized body) so that it sees our answer rather than a reset.
    linger_ = false;
    stream_.expires_after(std::chrono::seconds(2));
    auto scratch = std::make_shared<std::array<char, 16384>>();
    discard(scratch, 0);
  }

  void discard(std::shared_ptr<std::array<char, 16384>> scratch, std::size_t total) {
    stream_.async_read_some(asio::buffer(*scratch),
                            [self = shared_from_this(), scratch, total](beast::error_code ec, std::size_t n) {
                              if (ec || total + n > 8 * 1024 * 1024) return;
                              self->discard(scratch, total + n);
                            });
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string peer_;
  Clock::time_point started_ = Clock::now();
  bool keep_alive_ = true;
  bool head_ = false;
  bool waiting_ = false;
  bool linger_ = false;
};

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || draining) return;
    if (!ec)
      std::make_shared<Session>(std::move(socket), *this)->start();
    else
      spdlog::warn("accept failed: {}", ec.message());
    accept();
  });
}

void Server::Impl::begin_drain() {
  if (draining.exchange(true)) return;
  spdlog::info("draining: no new connections; finishing requests in flight");
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(sessions_mutex);
    for (auto& [ptr, weak] : sessions)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  for (auto& s : live) s->close_if_idle();
  for (auto& c : live_connections()) c->close_going_away();
  check_drained(Clock::now() + std::chrono::seconds(options.drain_timeout_s));
}

void Server::Impl::check_drained(Clock::time_point deadline) {
  bool empty = false;
  {
    std::lock_guard lock(sessions_mutex);
    empty = sessions.empty();
  }
  empty = empty && live_connections().empty();
  if ((empty && queued == 0) || Clock::now() >= deadline) {
    if (!empty) spdlog::warn("drain timeout: closing remaining connections");
    ioc.stop();
    return;
  }
  drain_timer.expires_after(std::chrono::milliseconds(20));
  drain_timer.async_wait([this, deadline](beast::error_code) { check_drained(deadline); });
}

void Server::Impl::add_live(const std::shared_ptr<live::Connection>& connection) {
  std::lock_guard lock(lives_mutex);
  std::erase_if(lives, [](const auto& weak) { return weak.expired(); });
  lives.push_back(connection);
}

std::vector<std::shared_ptr<live::Connection>> Server::Impl::live_connections() {
  std::lock_guard lock(lives_mutex);
  std::vector<std::shared_ptr<live::Connection>> open;
  for (const auto& weak : lives)
    if (auto c = weak.lock()) open.push_back(std::move(c));
  return open;
}

Server::Server(ServerOptions options, Api& api, Metrics& metrics, live::Hub* hub)
    : impl_(std::make_unique<Impl>(std::move(options), api, metrics, hub)) {}

Server::~Server() = default;

void Server::bind() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) throw std::runtime_error("listen address \"" + impl_->options.host + "\" is not an IP address");
  tcp::endpoint endpoint{address, impl_->options.port};
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port) +
                             ": " + ec.message());
}

unsigned short Server::bound_port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->begin_drain();
  });
  impl_->accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < std::max(1, impl_->options.io_threads); ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  impl_->workers.join();
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_drain(); });
}

}  // namespace kc::http
