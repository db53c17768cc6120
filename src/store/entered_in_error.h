// The entered-in-error columns that every correctable record table carries
// (migrations/0015_entered_in_error.sql), read the same way by each of them.
// Internal to src/store. A query reads its table as alias `r`.
#pragma once

#include <string>

#include "app/store.h"
#include "store/query.h"

namespace kc::store {

/// The correction's columns, with the marking user's e-mail when the user still exists.
constexpr const char* kEnteredInErrorColumns =
    "r.entered_in_error_ms, COALESCE(e.email, r.entered_in_error_by), r.entered_in_error_reason";
constexpr const char* kEnteredInErrorJoin = " LEFT JOIN users e ON e.id = r.entered_in_error_by";

/// The condition that leaves out entries entered in error, when `which` asks for that.
inline std::string entered_in_error_filter(app::Entries which) {
  return which == app::Entries::valid ? " AND r.entered_in_error_ms = 0" : "";
}

struct EnteredInErrorFields {
  long long at = 0;
  std::string by, reason;

  void bind(DynamicQuery& q) {
    q.into(at);
    q.into(by);
    q.into(reason);
  }
  app::EnteredInError take() const { return {at, by, reason}; }
};

}  // namespace kc::store
