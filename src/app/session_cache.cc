#include "app/session_cache.h"

namespace kc::app {

std::optional<SessionContext> SessionCache::get(const std::string& token_hash, std::int64_t now_ms) {
  if (ttl_ms_ <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  if (now_ms - it->second.read_ms >= ttl_ms_ || now_ms < it->second.read_ms) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.context;
}

void SessionCache::put(const std::string& token_hash, const SessionContext& context, std::int64_t now_ms) {
  if (ttl_ms_ <= 0) return;
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_) entries_.clear();  // bounded memory; refilled on demand
  entries_[token_hash] = Entry{context, now_ms};
}

void SessionCache::touch(const std::string& token_hash, std::int64_t last_seen_ms) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(token_hash); it != entries_.end()) it->second.context.session.last_seen_ms = last_seen_ms;
}

void SessionCache::forget_session(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  entries_.erase(token_hash);
}

void SessionCache::forget_user(const std::string& user_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.context.user.id == user_id; });
}

}  // namespace kc::app
