#pragma once
// `civic locate --input FILE.csv`: one output row per input row, streamed.

#include <string>

namespace civic::cli {

class Runtime;
struct PlaceOptions;

// Exit code: 0, 3 when some rows failed, 1 when all did.
int run_bulk_locate(const std::string& file, const PlaceOptions& place, Runtime& rt);

}  // namespace civic::cli
