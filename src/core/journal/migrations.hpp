#pragma once
// The journal's schema as an ordered, append-only list of migrations:
// migration N takes user_version N-1 to N. Never edit a released one; add
// the next.

#include <string_view>
#include <vector>

namespace civic::journal {

const std::vector<std::string_view>& migrations();

}  // namespace civic::journal
