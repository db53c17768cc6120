// The live hub: the in-process EventBus behind GET /api/v1/live. Each clinic has
// its own sequence of events (1, 2, 3, ...) and keeps the latest `history` of them,
// so that a screen that reconnects with the last sequence number it saw receives
// what it missed; when that is no longer held (or the server restarted: the stream
// id differs) the screen is told to reload ("resync") instead.
//
// Subscribers are callbacks; publish() calls them under no lock of the caller's and
// they must not block (a connection queues and writes on its own strand).
//
// One hub serves one server process. Several copies of the server behind a load
// balancer each have their own: an event reaches the screens connected to the copy
// that published it (docs/operations.md, "Live updates").
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/events.h"

namespace kc::live {

struct SequencedEvent {
  std::int64_t seq = 0;
  app::LiveEvent event;
};

/// What a new subscriber receives first.
struct CatchUp {
  bool resync = false;                 // the missed events are not all held: reload
  std::vector<SequencedEvent> missed;  // after `since`, oldest first
  std::int64_t latest_seq = 0;
};

class Hub final : public app::EventBus {
 public:
  using Deliver = std::function<void(const SequencedEvent&)>;

  /// `stream_id` names this process's sequence (a random token per start).
  explicit Hub(std::string stream_id, std::size_t history = 1000);

  void publish(const app::ClinicId& clinic, app::LiveEvent event) override;

  /// Subscribes to the clinic's events after `since` (0 with a stream id of "": only
  /// new ones). Atomic with publish(): nothing is missed or delivered twice between
  /// the catch-up and the first delivery. Returns a subscription id for unsubscribe().
  std::uint64_t subscribe(const app::ClinicId& clinic, const std::string& stream_id, std::int64_t since,
                          Deliver deliver, CatchUp& catch_up);
  void unsubscribe(const app::ClinicId& clinic, std::uint64_t id);

  const std::string& stream_id() const { return stream_id_; }
  std::size_t subscribers() const;

 private:
  struct ClinicChannel {
    std::int64_t seq = 0;
    std::deque<SequencedEvent> recent;
    std::map<std::uint64_t, Deliver> subscribers;
  };
  std::string stream_id_;
  std::size_t history_;
  mutable std::mutex mutex_;
  std::map<std::string, ClinicChannel> clinics_;
  std::uint64_t next_id_ = 1;
};

}  // namespace kc::live
