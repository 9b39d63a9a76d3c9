// parse_floor [--jobs N] FILE...: YAML::LoadFile on each file, then a walk over every node.
// What `rank` is measured against (bench/run.sh): the cost of reading the corpus at all.
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

std::size_t walk(const YAML::Node& node) {
  std::size_t count = 1;
  if (node.IsScalar()) return count + node.Scalar().size() % 2;
  if (node.IsSequence() || node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (node.IsMap()) {
        count += walk(it->first) + walk(it->second);
      } else {
        count += walk(*it);
      }
    }
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned jobs = 1;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::atoi(argv[++i]));
    } else {
      files.emplace_back(argv[i]);
    }
  }
  std::atomic<std::size_t> next{0}, nodes{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < files.size();) nodes += walk(YAML::LoadFile(files[i]));
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  std::printf("%zu files, %zu nodes\n", files.size(), nodes.load());
  return 0;
}
