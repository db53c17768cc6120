#include "live/hub.h"

namespace kc::live {

Hub::Hub(std::string stream_id, std::size_t history) : stream_id_(std::move(stream_id)), history_(history) {}

void Hub::publish(const app::ClinicId& clinic, app::LiveEvent event) {
  // Deliveries run under the lock so that each subscriber sees events in sequence
  // order; a delivery only queues (it never blocks), so the lock is held briefly.
  std::lock_guard lock(mutex_);
  auto& channel = clinics_[clinic.value];
  SequencedEvent e{++channel.seq, std::move(event)};
  channel.recent.push_back(e);
  while (channel.recent.size() > history_) channel.recent.pop_front();
  for (auto& [id, deliver] : channel.subscribers) deliver(e);
}

std::uint64_t Hub::subscribe(const app::ClinicId& clinic, const std::string& stream_id, std::int64_t since,
                             Deliver deliver, CatchUp& catch_up) {
  std::lock_guard lock(mutex_);
  auto& channel = clinics_[clinic.value];
  catch_up = CatchUp{};
  catch_up.latest_seq = channel.seq;
  const bool fresh = stream_id.empty() && since == 0;
  if (!fresh) {
    const std::int64_t oldest_held = channel.recent.empty() ? channel.seq + 1 : channel.recent.front().seq;
    if (stream_id != stream_id_ || since > channel.seq || since + 1 < oldest_held) {
      catch_up.resync = true;
    } else {
      for (const auto& e : channel.recent)
        if (e.seq > since) catch_up.missed.push_back(e);
    }
  }
  const std::uint64_t id = next_id_++;
  channel.subscribers.emplace(id, std::move(deliver));
  return id;
}

void Hub::unsubscribe(const app::ClinicId& clinic, std::uint64_t id) {
  std::lock_guard lock(mutex_);
  auto it = clinics_.find(clinic.value);
  if (it != clinics_.end()) it->second.subscribers.erase(id);
}

std::size_t Hub::subscribers() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [clinic, channel] : clinics_) n += channel.subscribers.size();
  return n;
}

}  // namespace kc::live
