// Fuzzes request decoding: raw bytes through Beast's HTTP parser (with the server's
// limits), then our target, cookie, JSON-body, timestamp and questionnaire-answer
// parsers. Nothing may crash, hang, leak or trip a sanitizer, whatever the bytes.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/measure_service.h"
#include "domain/demographics.h"
#include "domain/instruments.h"
#include "domain/measurement.h"
#include "domain/record_entries.h"
#include "domain/time.h"
#include "http/json_codec.h"
#include "http/request.h"
// [consent]
// [/consent]
// [plans]
// [/plans]
// [dose]
// [/dose]
// [calendar]
#include "domain/calendar.h"
#include "http/calendar_codec.h"
// [/calendar]

namespace bhttp = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bhttp::request_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.body_limit(1024 * 1024);
  parser.header_limit(16 * 1024);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
  if (!ec && parser.is_done()) {
    const auto& m = parser.get();
    auto target = kc::http::parse_target(std::string_view(m.target().data(), m.target().size()));
    (void)target;
    auto cookie = m[bhttp::field::cookie];
    (void)kc::http::cookie_value(std::string_view(cookie.data(), cookie.size()), "kc_session");
    auto body = kc::http::parse_object(m.body());
    if (body) {
      (void)kc::http::string_field(*body, "email");
      (void)kc::http::string_list_field(*body, "roles");
    }
  }
  // The same bytes as a bare target, body and timestamp.
  (void)kc::http::parse_target(bytes);
  (void)kc::http::parse_object(bytes);
  (void)kc::parse_iso8601(bytes);
  (void)kc::parse_date(bytes.substr(0, 10));
  // The same bytes in every field of the patient record's validators.
  kc::Demographics d;
  for (const auto& f : kc::demographics_fields()) d.*f.member = std::string(bytes);
  const kc::Date birth{2010, 1, 1}, today{2026, 11, 21};
  (void)kc::validate_demographics(d, birth, today);
  (void)kc::validate_measurement({std::nullopt, 170, std::string(bytes), std::string(bytes)}, birth, today);
  (void)kc::validate_allergy({std::string(bytes), std::string(bytes)});
  (void)kc::validate_baseline_test({std::string(bytes), std::string(bytes), std::string(bytes)}, birth, today);
  // Questionnaire answers: as a JSON body, scored by every instrument, and as stored text.
  if (auto body = kc::http::parse_object(bytes)) {
    if (auto answers = kc::http::answers_field(*body, "answers")) {
      for (const auto& inst : kc::instruments()) {
        (void)kc::check_answers(inst, *answers);
        if (auto scored = kc::score(inst, *answers))
          (void)kc::risk_signals(inst, *answers, scored->total, 0, kc::RiskSettings{});
      }
    }
  }
  auto stored = kc::app::decode_answers(std::string(bytes));
  (void)kc::app::encode_answers(stored);
  // [consent]
  // [/consent]
  // [plans]
  // [/plans]
  // [dose]
  // [/dose]
  // [calendar]
  // Booking bodies, a series, rooms and settings; a decoded booking is then checked
  // by the domain against the default settings.
  if (auto body = kc::http::parse_object(bytes)) {
    if (auto booking = kc::http::decode_booking(*body)) (void)kc::check_booking(booking->request, {});
    if (auto items = kc::http::decode_booking_batch(*body))
      for (const auto& item : *items) (void)kc::check_booking(item.request, {});
    (void)kc::http::decode_room(*body);
    (void)kc::http::decode_calendar_settings(*body);
  }
  // [/calendar]
  return 0;
}
