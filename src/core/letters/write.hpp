#pragma once
// The third step of every letter: its files. One sender's letters go into a
// folder, a file each, each written whole or not at all; a run's (a
// campaign's) go through a RunWriter (write_run.hpp), which adds the
// manifest, the office bundles, the labels and the problems.

#include <filesystem>
#include <vector>

#include "core/letters/render.hpp"

namespace civic::letters {

// Each letter's first file in `dir`, named "<file stem>.<format>" (with -2,
// -3, ... when two letters share a stem); the paths, in letter order.
std::vector<std::filesystem::path> write_letter_files(std::vector<RenderedLetter>& letters,
                                                      const std::filesystem::path& dir);

}  // namespace civic::letters
