# Finds every third-party dependency. All come from Debian packages (scripts/bootstrap).
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
find_package(Boost 1.81 REQUIRED CONFIG COMPONENTS json url system)
find_package(spdlog REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(tomlplusplus REQUIRED CONFIG)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(PQ REQUIRED IMPORTED_TARGET libpq)
add_library(kc::sodium ALIAS PkgConfig::SODIUM)

# SOCI 4.0.3 on Debian ships neither a CMake config nor a .pc file.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE soci_core REQUIRED)
find_library(SOCI_SQLITE3 soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL soci_postgresql REQUIRED)
add_library(kc_soci INTERFACE)
target_include_directories(kc_soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PQ_INCLUDE_DIRS})
target_link_libraries(kc_soci INTERFACE ${SOCI_SQLITE3} ${SOCI_POSTGRESQL} ${SOCI_CORE}
                      SQLite::SQLite3 PkgConfig::PQ ${CMAKE_DL_LIBS})
add_library(kc::soci ALIAS kc_soci)
