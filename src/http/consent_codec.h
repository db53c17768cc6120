// JSON bodies of the consent routes: decoded into the use case's inputs with errors
// that name the field, and the records encoded. Separate from the handlers so the
// fuzzer can drive the decoders.
#pragma once

#include <string>

#include "app/consent_service.h"
#include "http/json_codec.h"

namespace kc::http {

/// {"kind", "title", "body_markdown", "revision"?}: a new draft.
Result<app::DraftInput> decode_consent_draft(const json::object& o);
/// {"title", "body_markdown"}: a draft's new text.
Result<app::DraftInput> decode_consent_edit(const json::object& o);
/// {"document_id", "typed_name", "acknowledged_sections": [...], "guardian_name"?,
/// "guardian_relationship"?}: the patient's signature.
Result<app::SignInput> decode_consent_signature(const json::object& o);
/// {"reason"}: for withdrawal and accepting an older version.
Result<std::string> decode_consent_reason(const json::object& o);

json::object to_json(const app::ConsentDocumentRow& d, bool with_body);
json::object to_json(const app::ConsentRow& c, bool with_text);
json::object to_json(const app::ConsentCheck& c);

}  // namespace kc::http
