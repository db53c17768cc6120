// UTC time as integer epoch milliseconds, and its ISO 8601 text form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

/// "2026-11-21T15:55:00.123Z" (always UTC, always milliseconds).
std::string format_iso8601(std::int64_t epoch_ms);

/// Accepts "YYYY-MM-DDTHH:MM:SS[.fff]Z", "...+HH:MM" offsets, or a date alone
/// ("YYYY-MM-DD", read as midnight UTC). Rejects impossible dates (2026-02-30).
std::optional<std::int64_t> parse_iso8601(std::string_view text);

/// A calendar date as days since 1970-01-01.
struct Date {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
  friend bool operator==(const Date&, const Date&) = default;
};

/// Parses exactly "YYYY-MM-DD" and rejects impossible dates.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(const Date& d);
/// The UTC calendar date of an instant.
Date date_of(std::int64_t epoch_ms);
/// Whole years from `birth` to `on` (a birthday counts on its day; 29 Feb on 1 Mar).
int age_in_years(const Date& birth, const Date& on);
/// Negative if a < b, 0 if equal, positive if a > b.
int compare(const Date& a, const Date& b);
/// The date `days` later (earlier when negative).
Date add_days(const Date& d, int days);
/// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(const Date& from, const Date& to);

}  // namespace kc
