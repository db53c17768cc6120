// Benchmark patient_search: searches over generated patients, through the use case
// (permission check, query, audit event) and, as the baseline in the same run, the
// same query bare against the store: name prefixes, dates of birth and phone-number
// prefixes, each measured on its own. Prints JSON lines (docs/performance.md).
//
//   bench_patient_search --database URL [--patients 100000] [--queries 2000] --engine NAME
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <random>

#include "app/clinics.h"
#include "app/patient_service.h"
#include "domain/patient.h"
#include "platform/sodium_crypto.h"
#include "store/soci_store.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kSyllables[] = {"ka",  "lo",  "mi",  "ra",  "te", "su", "no", "ve", "di", "ba",
                                      "ren", "sol", "mar", "tin", "ek", "ul", "an", "or", "is", "em"};

std::string name(std::mt19937& rng, int syllables) {
  std::uniform_int_distribution<int> pick(0, std::size(kSyllables) - 1);
  std::string out;
  for (int i = 0; i < syllables; ++i) out += kSyllables[pick(rng)];
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

/// Dates of birth spread over 60 years (1946 to 2005), one per patient number.
std::string birth_date(int i) {
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", 1946 + i % 60, 1 + (i / 60) % 12, 1 + (i / 720) % 28);
  return out;
}

double percentile(std::vector<double> ms, double p) {
  std::sort(ms.begin(), ms.end());
  return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
}

void print(const std::string& engine, const std::string& metric, double value, const std::string& unit,
           const char* baseline = nullptr, double baseline_value = 0) {
  std::printf("{\"bench\":\"patient_search\",\"engine\":\"%s\",\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"",
              engine.c_str(), metric.c_str(), value, unit.c_str());
  if (baseline)
    std::printf(",\"baseline\":\"%s\",\"baseline_value\":%.3f,\"ratio\":%.3f", baseline, baseline_value,
                baseline_value > 0 ? value / baseline_value : 0.0);
  std::printf("}\n");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"patient_search benchmark"};
  std::string url, engine;
  int patients = 100'000, queries = 2'000;
  cli.add_option("--database", url)->required();
  cli.add_option("--engine", engine)->required();
  cli.add_option("--patients", patients);
  cli.add_option("--queries", queries);
  CLI11_PARSE(cli, argc, argv);

  kc::platform::SodiumCrypto crypto;
  kc::platform::SystemClock clock;
  kc::store::StoreOptions options;
  options.url = url;
  options.pool_size = 2;
  auto store = kc::store::SociStore::open(options, clock.now_ms());
  auto clinic = kc::app::ensure_clinic(*store, crypto, clock, "Bench Clinic", "bench");
  kc::app::Caller caller = kc::app::Caller::system(kc::app::ClinicId{clinic->id}, "bench");
  caller.user_id = "usr_bench";
  caller.roles = {kc::Role::front_desk};

  std::mt19937 rng(42);
  auto load_start = Clock::now();
  {
    auto tx = store->begin(kc::app::Store::Mode::write);
    for (int i = 0; i < patients; ++i) {
      char id[32];
      std::snprintf(id, sizeof id, "pat_bench%09d", i);
      tx->insert_patient({id, clinic->id, name(rng, 2), name(rng, 3), birth_date(i), 0});
    }
    tx->commit();
  }
  {
    // Phone numbers: +4470 and the patient's number in eight digits, so that a typed
    // +4470 and five digits matches 1,000 patients.
    auto s = engine == "postgresql" ? std::make_unique<soci::session>(soci::postgresql, kc::store::libpq_conninfo(url))
                                    : std::make_unique<soci::session>(soci::sqlite3, "db=\"" + url.substr(7) + "\"");
    *s << "UPDATE patients SET phone = '+4470' || substr(id, 11) WHERE id LIKE 'pat_bench%'";
  }
  if (engine == "postgresql") {
    // Steady state: autovacuum analyses a table this size soon after a bulk load.
    soci::session s(soci::postgresql, kc::store::libpq_conninfo(url));
    s << "ANALYZE patients";
  }
  std::cerr << "patient_search[" << engine << "]: loaded " << patients << " patients in "
            << std::chrono::duration<double>(Clock::now() - load_start).count() << " s\n";

  kc::app::PatientService service(*store, crypto, clock);
  // What a front desk types: a name's first syllable or two, a date of birth, or the
  // first digits of a phone number. Each kind is timed bare and through the use case.
  struct Kind {
    const char* name;  // metric prefix ("" for names: the metric names of earlier runs)
    std::vector<std::string> typed;
  };
  std::vector<Kind> kinds = {{"", {}}, {"dob_", {}}, {"phone_", {}}};
  std::uniform_int_distribution<int> pick_patient(0, patients - 1);
  for (int i = 0; i < queries; ++i) {
    kinds[0].typed.push_back(kc::search_key(name(rng, 1) + (i % 2 ? "r" : "")));
    kinds[1].typed.push_back(birth_date(pick_patient(rng)));
    char digits[16];
    std::snprintf(digits, sizeof digits, "+4470%05d", pick_patient(rng) / 1000);
    kinds[2].typed.push_back(digits);
  }
  for (const auto& kind : kinds) {
    std::vector<double> bare_ms, use_case_ms;
    for (const auto& typed : kind.typed) {  // alternate the two, so that both see the same machine
      const auto query = kc::app::patient_query(typed);
      auto t0 = Clock::now();
      {
        auto tx = store->begin(kc::app::Store::Mode::read);
        auto rows = tx->patients(caller.clinic, query, std::nullopt, 51);
        (void)rows;
      }
      auto t1 = Clock::now();
      auto page = service.search(caller, typed, "", 50);
      auto t2 = Clock::now();
      if (!page) {
        std::cerr << "search failed: " << page.error().message << "\n";
        return 1;
      }
      bare_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      use_case_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    const std::string prefix = kind.name;
    const double bare50 = percentile(bare_ms, 0.50), bare99 = percentile(bare_ms, 0.99);
    print(engine, prefix + "bare_p50_ms", bare50, "ms");
    print(engine, prefix + "bare_p99_ms", bare99, "ms");
    print(engine, prefix + "search_p50_ms", percentile(use_case_ms, 0.50), "ms", "bare_query", bare50);
    print(engine, prefix + "search_p99_ms", percentile(use_case_ms, 0.99), "ms", "bare_query", bare99);
  }
  print(engine, "patients", patients, "1");
  return 0;
}
