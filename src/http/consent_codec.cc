#include "http/consent_codec.h"

#include "domain/time.h"

namespace kc::http {
namespace {

constexpr std::size_t kMaxAcknowledged = 200;

json::value time_or_null(std::int64_t ms) { return ms ? json::value(format_iso8601(ms)) : json::value(nullptr); }
json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::value by_or_null(std::int64_t ms, const std::string& name, const std::string& id) {
  if (!ms) return nullptr;
  return json::object{{"at", format_iso8601(ms)}, {"by", name.empty() ? id : name}};
}

}  // namespace

Result<app::DraftInput> decode_consent_draft(const json::object& o) {
  auto kind = string_field(o, "kind");
  auto title = string_field(o, "title");
  auto body = string_field(o, "body_markdown");
  auto revision = string_field(o, "revision", false);
  for (auto* r : {&kind, &title, &body, &revision})
    if (!*r) return r->error();
  return app::DraftInput{*kind, *title, *body, revision->empty() ? "minor" : *revision};
}

Result<app::DraftInput> decode_consent_edit(const json::object& o) {
  auto title = string_field(o, "title");
  auto body = string_field(o, "body_markdown");
  for (auto* r : {&title, &body})
    if (!*r) return r->error();
  return app::DraftInput{{}, *title, *body, {}};
}

Result<app::SignInput> decode_consent_signature(const json::object& o) {
  auto document = string_field(o, "document_id");
  auto typed = string_field(o, "typed_name");
  auto guardian = string_field(o, "guardian_name", false);
  auto relationship = string_field(o, "guardian_relationship", false);
  for (auto* r : {&document, &typed, &guardian, &relationship})
    if (!*r) return r->error();
  auto sections = string_list_field(o, "acknowledged_sections");
  if (!sections) return sections.error();
  if (sections->size() > kMaxAcknowledged)
    return Error::invalid("acknowledged_sections", "acknowledged_sections has too many entries.");
  return app::SignInput{*document, *typed, *sections, *guardian, *relationship};
}

Result<std::string> decode_consent_reason(const json::object& o) { return string_field(o, "reason"); }

json::object to_json(const app::ConsentDocumentRow& d, bool with_body) {
  json::object out{{"id", d.id},
                   {"kind", d.kind},
                   {"kind_label", label_of_consent_kind(d.kind)},
                   {"version", to_string(ConsentVersion{d.major, d.minor})},
                   {"major", d.major},
                   {"minor", d.minor},
                   {"title", d.title},
                   {"status", d.status},
                   {"content_sha256", d.content_sha256},
                   {"created_by", d.created_by},
                   {"created_at", format_iso8601(d.created_ms)},
                   {"updated_at", format_iso8601(d.updated_ms)},
                   {"published_by", text_or_null(d.published_by)},
                   {"published_at", time_or_null(d.published_ms)}};
  if (with_body) {
    out["body_markdown"] = d.body_markdown;
    json::array sections;
    for (const auto& s : consent_sections(d.body_markdown)) sections.emplace_back(s.heading);
    out["sections"] = std::move(sections);
  }
  return out;
}

json::object to_json(const app::ConsentRow& c, bool with_text) {
  json::array acknowledged;
  for (const auto& s : c.acknowledged_sections) acknowledged.emplace_back(s);
  json::value guardian = nullptr;
  if (c.guardian_signed_ms)
    guardian = json::object{{"name", c.guardian_name},
                            {"relationship", c.guardian_relationship},
                            {"signed_at", format_iso8601(c.guardian_signed_ms)}};
  json::value withdrawal = nullptr;
  if (c.withdrawn_ms)
    withdrawal = json::object{{"at", format_iso8601(c.withdrawn_ms)},
                              {"by", c.withdrawn_by_name.empty() ? c.withdrawn_by : c.withdrawn_by_name},
                              {"reason", c.withdrawal_reason}};
  json::value acceptance = nullptr;
  if (c.accepted_ms)
    acceptance = json::object{{"at", format_iso8601(c.accepted_ms)},
                              {"by", c.accepted_by_name.empty() ? c.accepted_by : c.accepted_by_name},
                              {"reason", c.acceptance_reason}};
  json::object out{{"id", c.id},
                   {"patient_id", c.patient_id},
                   {"document_id", c.document_id},
                   {"kind", c.kind},
                   {"kind_label", label_of_consent_kind(c.kind)},
                   {"version", to_string(ConsentVersion{c.major, c.minor})},
                   {"title", c.title},
                   {"content_sha256", c.content_sha256},
                   {"typed_name", c.typed_name},
                   {"acknowledged_sections", std::move(acknowledged)},
                   {"signed_at", format_iso8601(c.signed_ms)},
                   {"client_address", c.client_address},
                   {"handed_over_by", c.handed_over_by_name.empty() ? c.handed_over_by : c.handed_over_by_name},
                   {"guardian", std::move(guardian)},
                   {"countersignature", by_or_null(c.countersigned_ms, c.countersigned_by_name, c.countersigned_by)},
                   {"withdrawal", std::move(withdrawal)},
                   {"version_acceptance", std::move(acceptance)}};
  if (with_text) out["body_markdown"] = c.body_markdown;
  return out;
}

json::object to_json(const app::ConsentCheck& c) {
  return {{"route", c.route},
          {"valid", c.valid},
          {"code", text_or_null(c.code)},
          {"message", c.message},
          {"consent_id", text_or_null(c.consent_id)},
          {"version", text_or_null(c.version)}};
}

}  // namespace kc::http
