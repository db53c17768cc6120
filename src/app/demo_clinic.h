// The demo clinic for `serve --demo`: one user per role and a handful of patients.
// Never created by a production start.
#pragma once

#include <array>
#include <string_view>

#include "app/ports.h"
#include "app/store.h"

namespace kc::app {

inline constexpr std::string_view kDemoClinicName = "Demo Clinic";
inline constexpr std::string_view kDemoPassword = "demo-clinic-2026";

struct DemoUser {
  std::string_view email, display_name;
  Role role;
};

inline constexpr std::array kDemoUsers = {
    DemoUser{"admin@demo.test", "Avery Admin", Role::admin},
    DemoUser{"prescriber@demo.test", "Dr Priya Prescriber", Role::prescriber},
    DemoUser{"nurse@demo.test", "Noah Nurse", Role::nurse},
    DemoUser{"therapist@demo.test", "Theo Therapist", Role::therapist},
    DemoUser{"frontdesk@demo.test", "Fran Frontdesk", Role::front_desk},
};

/// Creates the demo clinic unless it exists. Returns true when it created it.
bool ensure_demo_clinic(Store& store, Crypto& crypto, const Clock& clock);

}  // namespace kc::app
