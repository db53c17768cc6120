// The API's handlers, one group per file (api_auth.cc, api_users.cc, ...). Each
// decodes its request, calls one use case and encodes the answer. No clinical logic.
#pragma once

#include "http/api.h"

namespace kc::http::handlers {

Response healthz(Call&);
Response readyz(Call&);
Response metrics(Call&);

Response login(Call&);
Response logout(Call&);
Response me(Call&);
Response change_password(Call&);

Response list_users(Call&);
Response add_user(Call&);
Response disable_user(Call&);
Response enable_user(Call&);
Response reset_password(Call&);

Response list_audit(Call&);

Response list_patients(Call&);
Response create_patient(Call&);
Response get_patient(Call&);

Response get_history(Call&);
Response record_history(Call&);
Response add_medication(Call&);
Response stop_medication(Call&);
Response add_diagnosis(Call&);
Response add_trial(Call&);
Response get_screening(Call&);
Response decide_eligibility(Call&);

Response public_clinic(Call&);
Response submit_request(Call&);
Response list_enquiries(Call&);
Response create_enquiry(Call&);
Response get_enquiry(Call&);
Response change_enquiry_status(Call&);

/// Reads ?limit= (default `fallback`, 1..max) or returns an error naming "limit".
Result<int> limit_param(const Request& request, int fallback, int max);

}  // namespace kc::http::handlers
