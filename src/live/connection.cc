#include "live/connection.h"

#include <spdlog/spdlog.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include "domain/time.h"

namespace kc::live {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

std::string quoted(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

std::string control_frame(std::string_view type, const std::string& stream, std::int64_t seq) {
  return "{\"type\":" + quoted(type) + ",\"stream\":" + quoted(stream) + ",\"seq\":" + std::to_string(seq) + "}";
}

}  // namespace

std::string event_frame(const SequencedEvent& e) {
  return "{\"type\":" + quoted(e.event.type) + ",\"seq\":" + std::to_string(e.seq) +
         ",\"at\":" + quoted(format_iso8601(e.event.at_ms)) +
         ",\"data\":" + (e.event.data_json.empty() ? "{}" : e.event.data_json) + "}";
}

Connection::Connection(beast::tcp_stream&& stream, Hub& hub, app::Caller caller, std::string stream_id,
                       std::int64_t since, Revalidate revalidate, std::chrono::seconds revalidate_every)
    : ws_(std::move(stream)),
      hub_(hub),
      caller_(std::move(caller)),
      stream_id_(std::move(stream_id)),
      since_(since),
      revalidate_(std::move(revalidate)),
      revalidate_every_(revalidate_every) {}

Connection::~Connection() {
  if (subscribed_) hub_.unsubscribe(caller_.clinic, subscription_);
}

void Connection::run(beast::http::request<beast::http::string_body> request) {
  beast::get_lowest_layer(ws_).expires_never();  // the WebSocket's own timeouts take over
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(beast::http::field::server, "KetaClinic"); }));
  ws_.read_message_max(4096);
  ws_.async_accept(request, beast::bind_front_handler(&Connection::on_accept, shared_from_this()));
}

void Connection::on_accept(beast::error_code ec) {
  if (ec) {
    spdlog::info("live: handshake failed: {}", ec.message());
    return;
  }
  std::weak_ptr<Connection> weak = weak_from_this();
  auto executor = ws_.get_executor();
  const std::vector<Role> roles = caller_.roles;
  CatchUp catch_up;
  // The hub calls this under its lock: filter, render, and hand to our strand.
  auto deliver = [weak, executor, roles](const SequencedEvent& e) {
    if (!allowed(roles, e.event.audience)) return;
    asio::post(executor, [weak, frame = event_frame(e)]() mutable {
      if (auto self = weak.lock()) self->enqueue(std::move(frame));
    });
  };
  subscription_ = hub_.subscribe(caller_.clinic, stream_id_, since_, deliver, catch_up);
  subscribed_ = true;
  enqueue(control_frame(catch_up.resync ? "resync" : "hello", hub_.stream_id(), catch_up.latest_seq));
  for (const auto& e : catch_up.missed)
    if (allowed(roles, e.event.audience)) enqueue(event_frame(e));
  read();
  schedule_revalidation();
}

void Connection::read() {
  ws_.async_read(read_buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) {  // closed by the screen, timed out, or an oversized message
      if (self->timer_) self->timer_->cancel();
      return;
    }
    self->read_buffer_.consume(self->read_buffer_.size());  // the screen has nothing to say
    self->read();
  });
}

void Connection::enqueue(std::string frame) {
  if (closing_) return;
  if (queue_.size() >= kMaxQueued) {
    spdlog::warn("live: a screen fell {} frames behind; closing it (it will reconnect and catch up)", kMaxQueued);
    return close(websocket::close_code::try_again_later);
  }
  queue_.push_back(std::move(frame));
  if (!writing_) write_next();
}

void Connection::write_next() {
  if (queue_.empty() || closing_) {
    writing_ = false;
    return;
  }
  writing_ = true;
  ws_.text(true);
  ws_.async_write(asio::buffer(queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) {
      self->writing_ = false;
      return;
    }
    self->queue_.pop_front();
    self->write_next();
  });
}

void Connection::schedule_revalidation() {
  if (!revalidate_ || revalidate_every_.count() <= 0) return;
  timer_ = std::make_unique<asio::steady_timer>(ws_.get_executor());
  timer_->expires_after(revalidate_every_);
  timer_->async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->closing_) return;
    auto executor = self->ws_.get_executor();
    self->revalidate_([self, executor](bool valid) {
      asio::post(executor, [self, valid] {
        if (!valid) return self->close(websocket::close_code::policy_error);
        self->schedule_revalidation();
      });
    });
  });
}

void Connection::close(websocket::close_code code) {
  if (closing_) return;
  closing_ = true;
  queue_.clear();
  if (timer_) timer_->cancel();
  ws_.async_close(code, [self = shared_from_this()](beast::error_code) {});
}

void Connection::close_going_away() {
  asio::dispatch(ws_.get_executor(), [self = shared_from_this()] { self->close(websocket::close_code::going_away); });
}

}  // namespace kc::live
