// Errors as values: every rule and use case returns a Result<T> or a Status.
//
// An Error carries a stable machine `code` (e.g. "invalid_credentials"), a human
// `message`, an optional `field` naming the input at fault, and a `kind` that each
// adapter maps once to its protocol (HTTP status, FHIR OperationOutcome, HL7 ACK).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kc {

enum class ErrorKind {
  invalid,          // the input is wrong; the caller can fix it
  unauthenticated,  // no valid session
  forbidden,        // authenticated, but the role may not do this
  not_found,        // absent, or belongs to another clinic (existence never leaks)
  conflict,         // clashes with current state (duplicate email, stale version)
  gone,             // existed, but no longer usable (a used-up or expired link)
  too_large,        // over a size limit
  rate_limited,     // too many requests
  unavailable,      // a dependency is down or the server is draining
  internal,         // a bug or broken infrastructure
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;
  std::string message;
  std::string field;  // empty when no single input is at fault

  static Error invalid(std::string field, std::string message, std::string code = "validation_failed") {
    return {ErrorKind::invalid, std::move(code), std::move(message), std::move(field)};
  }
  static Error not_found(std::string message = "Not found.") {
    return {ErrorKind::not_found, "not_found", std::move(message), {}};
  }
  static Error forbidden(std::string message = "Your role does not allow this action.") {
    return {ErrorKind::forbidden, "forbidden", std::move(message), {}};
  }
  static Error unauthenticated(std::string message = "Sign in to continue.") {
    return {ErrorKind::unauthenticated, "unauthenticated", std::move(message), {}};
  }
  static Error gone(std::string code, std::string message) {
    return {ErrorKind::gone, std::move(code), std::move(message), {}};
  }
  static Error conflict(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::conflict, std::move(code), std::move(message), std::move(field)};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;

}  // namespace kc
