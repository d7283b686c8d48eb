#include "core/modules/hash.hpp"

#include "core/modules/loader.hpp"

namespace civic::hash {

const HashModule& hash_module() { return modules::entries<HashModule>("libcivic_hash.so", "civic_hash_module"); }

}  // namespace civic::hash
