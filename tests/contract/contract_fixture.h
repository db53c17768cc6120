// The Store contract fixture: a fresh database on the engine KETACLINIC_TEST_ENGINE
// names, with two clinics (cln_a, cln_b). Each capability's contract tests live in
// their own tests/contract/*_test.cc and share it.
#pragma once

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "support/fakes.h"

namespace kc::test {

using app::ClinicId;
using app::Store;

class StoreContract : public ::testing::Test {
 protected:
  void SetUp() override {
    if (test_engine() == "postgresql" && !std::getenv("KETACLINIC_TEST_PG_URL"))
      FAIL() << "KETACLINIC_TEST_PG_URL must name the test cluster for the postgresql engine";
    url = fresh_database_url();
    store = open_store(url, 4);
    auto tx = store->begin(Store::Mode::write);
    tx->insert_clinic({"cln_a", "Clinic A", 1});
    tx->insert_clinic({"cln_b", "Clinic B", 2});
    tx->commit();
  }

  app::UserRow user(std::string id, std::string clinic, std::string email) {
    return {std::move(id),
            std::move(clinic),
            std::move(email),
            "Name",
            "hash",
            {Role::nurse, Role::admin},
            false,
            0,
            0,
            100};
  }

  void add_patient(const std::string& id, const std::string& clinic, const std::string& given,
                   const std::string& family) {
    auto tx = store->begin(Store::Mode::write);
    tx->insert_patient({id, clinic, given, family, "1980-01-01", 5});
    tx->commit();
  }

  /// A plain session on the test database, for what the port deliberately cannot do.
  std::unique_ptr<soci::session> raw_session() {
    if (test_engine() == "sqlite")
      return std::make_unique<soci::session>(soci::sqlite3, "db=\"" + url.substr(7) + "\"");
    return std::make_unique<soci::session>(soci::postgresql, store::libpq_conninfo(url));
  }

  std::string url;
  std::unique_ptr<store::SociStore> store;
  FastCrypto crypto;
  FakeClock clock;
  const ClinicId a{"cln_a"}, b{"cln_b"};
};

}  // namespace kc::test
