// The route table's matcher: "METHOD /api/v1/users/{id}/disable" patterns, matched
// segment by segment. Pure (no I/O); the table itself is in api.cc.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kc::http {

template <class Handler>
class Router {
 public:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  struct Match {
    const Route* route = nullptr;      // null: no route for this path and method
    std::vector<std::string> allowed;  // methods the path has, when `method` is not one
    std::vector<std::string> params;   // values of {placeholders}, in order
  };

  void add(std::string method, std::string pattern, Handler handler) {
    routes_.push_back({std::move(method), pattern, split(pattern), std::move(handler)});
  }

  Match match(std::string_view method, std::string_view path) const {
    Match m;
    auto parts = split(path);
    for (const auto& r : routes_) {
      std::vector<std::string> params;
      if (!matches(r.segments, parts, params)) continue;
      if (r.method != method) {
        m.allowed.push_back(r.method);
        continue;
      }
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
    return m;
  }

  const std::vector<Route>& routes() const { return routes_; }

 private:
  static std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> out;
    while (!path.empty()) {
      if (path.front() == '/') {
        path.remove_prefix(1);
        continue;
      }
      auto slash = path.find('/');
      out.emplace_back(path.substr(0, slash));
      if (slash == std::string_view::npos) break;
      path.remove_prefix(slash);
    }
    return out;
  }

  static bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& parts,
                      std::vector<std::string>& params) {
    if (pattern.size() != parts.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      const auto& p = pattern[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        if (parts[i].empty()) return false;
        params.push_back(parts[i]);
      } else if (p != parts[i]) {
        return false;
      }
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace kc::http
