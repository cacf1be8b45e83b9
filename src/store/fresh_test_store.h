// The store a test or benchmark outside src/store works on: FreshTestDatabase opened. Include
// from tests and bench programs only.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace quorum {

// Opens FreshTestDatabase(dir, file_name) with `clock` (which must outlive the store): a SQLite
// file in `dir`, or a new schema on the server in QUORUM_TEST_POSTGRES. Errors are
// FreshTestDatabase's and OpenStore's.
inline Result<std::unique_ptr<Store>> OpenFreshTestStore(const std::filesystem::path& dir, const Clock& clock,
                                                         std::string_view file_name = "quorum.db") {
  QUORUM_ASSIGN_OR_RETURN(std::string url, FreshTestDatabase(dir, file_name));
  return OpenStore(url, clock);
}

}  // namespace quorum
