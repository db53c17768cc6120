#include "domain/time.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace kc {
namespace {

using namespace std::chrono;

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return r.ec == std::errc{};
}

std::optional<year_month_day> valid_ymd(int y, int m, int d) {
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::string format_iso8601(std::int64_t epoch_ms) {
  sys_time<milliseconds> t{milliseconds{epoch_ms}};
  auto day_point = floor<days>(t);
  year_month_day ymd{day_point};
  hh_mm_ss hms{t - day_point};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
  return buf;
}

std::optional<std::int64_t> parse_iso8601(std::string_view s) {
  auto date = parse_date(s.substr(0, 10));
  if (!date) return std::nullopt;
  auto day_ms = static_cast<std::int64_t>(
                    sys_days{year{date->year} / month{date->month} / day{date->day}}.time_since_epoch().count()) *
                86'400'000;
  if (s.size() == 10) return day_ms;
  int hh = 0, mm = 0, ss = 0;
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  if (!read_int(s, 11, 2, hh) || !read_int(s, 14, 2, mm) || !read_int(s, 17, 2, ss)) return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  std::size_t pos = 19;
  int frac_ms = 0;
  if (s[pos] == '.') {
    std::size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    std::size_t digits = pos - start;
    if (digits == 0 || digits > 9) return std::nullopt;
    int value = 0;
    read_int(s, start, digits < 3 ? digits : 3, value);
    for (std::size_t i = digits; i < 3; ++i) value *= 10;
    frac_ms = value;
  }
  std::int64_t offset_ms = 0;
  std::string_view zone = s.substr(pos);
  if (zone == "Z") {
    offset_ms = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh = 0, om = 0;
    if (!read_int(zone, 1, 2, oh) || !read_int(zone, 4, 2, om) || oh > 23 || om > 59) return std::nullopt;
    offset_ms = (oh * 60 + om) * 60'000LL * (zone[0] == '+' ? 1 : -1);
  } else {
    return std::nullopt;
  }
  return day_ms + ((hh * 60 + mm) * 60 + ss) * 1000LL + frac_ms - offset_ms;
}

std::optional<Date> parse_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_int(s, 0, 4, y) || !read_int(s, 5, 2, m) || !read_int(s, 8, 2, d)) return std::nullopt;
  if (!valid_ymd(y, m, d)) return std::nullopt;
  return Date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

Date date_of(std::int64_t epoch_ms) {
  year_month_day ymd{floor<days>(sys_time<milliseconds>{milliseconds{epoch_ms}})};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

int compare(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

int age_in_years(const Date& birth, const Date& on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

Date add_days(const Date& d, int days_later) {
  year_month_day ymd{sys_days{year{d.year} / month{d.month} / day{d.day}} + days{days_later}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

int days_between(const Date& from, const Date& to) {
  auto a = sys_days{year{from.year} / month{from.month} / day{from.day}};
  auto b = sys_days{year{to.year} / month{to.month} / day{to.day}};
  return static_cast<int>((b - a).count());
}

}  // namespace kc
