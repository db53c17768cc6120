// The EventBus port: use cases announce what changed, after their transaction has
// committed, so that live screens (src/live: the /api/v1/live WebSocket) update
// without polling. An event is a notification, not a copy of the record: it carries
// ids and the few values a screen needs at once; the screen reads the rest through
// the API, which checks permissions and audits the read.
#pragma once

#include <cstdint>
#include <string>

#include "app/store.h"
#include "domain/roles.h"

namespace kc::app {

struct LiveEvent {
  std::string type;                         // e.g. "task.raised"
  std::string data_json;                    // a JSON object, e.g. {"task_id":"tsk_…"}
  Action audience = Action::measures_read;  // only callers allowed this action receive it
  std::int64_t at_ms = 0;
};

class EventBus {
 public:
  virtual ~EventBus() = default;
  /// Delivers to the clinic's connected screens; never blocks on a slow screen.
  virtual void publish(const ClinicId& clinic, LiveEvent event) = 0;
};

/// For use cases built without live screens (the CLI, most tests).
class NoEvents final : public EventBus {
 public:
  void publish(const ClinicId&, LiveEvent) override {}
};

}  // namespace kc::app
