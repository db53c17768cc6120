// Compiles Asio and Beast once for the whole program (they are otherwise header-only
// and would be rebuilt in every file that includes them).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
