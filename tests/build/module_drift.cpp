// A module function defined against its declaration in core/modules/. Built
// twice by the tests: as declared it compiles; with CIVIC_DRIFT (a changed
// parameter) the compiler must refuse it, so no module can drift from the
// entry table the core calls through.
#include "core/modules/hash.hpp"

namespace civic::hash {

#ifdef CIVIC_DRIFT
std::unique_ptr<Hasher> module_impl::make_sha256(int seed) { return seed == 0 ? nullptr : nullptr; }
#else
std::unique_ptr<Hasher> module_impl::make_sha256() { return nullptr; }
#endif

}  // namespace civic::hash
