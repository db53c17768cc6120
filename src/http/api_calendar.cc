// placeholder
namespace kc::http::handlers {}
