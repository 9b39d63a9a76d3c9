#pragma once
// The files of a batch handed to worker threads as the folder walk finds them, through a
// bounded queue: the walk never runs far ahead, so the paths waiting cost nothing however
// large the folder.
#include <functional>
#include <string>
#include <vector>

#include "ess/model/diagnostic.hpp"
#include "inputs.hpp"

namespace ess::cli {

// Every input through `handle`, on `jobs` threads (the calling thread itself when jobs is 1).
// The first exception stops the batch and is rethrown here once every thread has stopped.
void for_each_input_parallel(const InputStream& inputs, unsigned jobs,
                             std::vector<Diagnostic>& walk_diags,
                             const std::function<void(const std::string&)>& handle);

}  // namespace ess::cli
