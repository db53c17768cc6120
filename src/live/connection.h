// One screen's WebSocket on GET /api/v1/live: the handshake, the catch-up, then the
// clinic's events as JSON text frames, each filtered by the caller's roles.
//
// Frames sent (docs/api.md, "Live updates"):
//   {"type":"hello","stream":"…","seq":N}      first; N is the clinic's latest
//   {"type":"resync","stream":"…","seq":N}     the missed events are not held: reload
//   {"type":"task.raised","seq":N,"at":"…Z","data":{…}}   an event
// The screen remembers the stream and the last seq and reconnects with
// ?stream=…&since=N. Messages from the screen are read and ignored (pings are
// answered by the library). A screen that falls more than kMaxQueued frames behind
// is closed (it reconnects and catches up), so a slow screen never holds the hub.
// The session is checked again every `revalidate_every`: a signed-out or disabled
// user's screen is closed.
#pragma once

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "app/caller.h"
#include "live/hub.h"

namespace kc::live {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  static constexpr std::size_t kMaxQueued = 1000;

  /// Runs `check` off the I/O threads and calls `done(still_valid)` on any thread.
  using Revalidate = std::function<void(std::function<void(bool)> done)>;

  Connection(boost::beast::tcp_stream&& stream, Hub& hub, app::Caller caller, std::string stream_id, std::int64_t since,
             Revalidate revalidate, std::chrono::seconds revalidate_every);
  ~Connection();

  /// Completes the WebSocket handshake for `request`, then serves until closed.
  void run(boost::beast::http::request<boost::beast::http::string_body> request);
  /// Closes from any thread (server shutdown: "going away").
  void close_going_away();

 private:
  void on_accept(boost::beast::error_code ec);
  void read();
  void enqueue(std::string frame);
  void write_next();
  void schedule_revalidation();
  void close(boost::beast::websocket::close_code code);

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  Hub& hub_;
  app::Caller caller_;
  std::string stream_id_;
  std::int64_t since_;
  Revalidate revalidate_;
  std::chrono::seconds revalidate_every_;
  std::unique_ptr<boost::asio::steady_timer> timer_;
  boost::beast::flat_buffer read_buffer_;
  std::deque<std::string> queue_;
  std::uint64_t subscription_ = 0;
  bool subscribed_ = false;
  bool writing_ = false;
  bool closing_ = false;
};

/// The JSON frame of an event.
std::string event_frame(const SequencedEvent& e);

}  // namespace kc::live
