// OpenStore: which URLs open which backend, and which are refused.
#include "store/open_store.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::FakeClock;
using testing::TempDir;

TEST(OpenStoreTest, PathsAndSqliteUrlsOpenTheSameFile) {
  TempDir dir;
  FakeClock clock;
  std::string path = dir.File("q.db");
  {
    Result<std::unique_ptr<Store>> plain = OpenStore(path, clock);
    ASSERT_TRUE(plain.ok()) << plain.error().ToString();
    ASSERT_TRUE((*plain)->CreateWorkspace("w").ok());
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  for (const std::string& url : {"sqlite:" + path, "sqlite://" + path}) {
    Result<std::unique_ptr<Store>> store = OpenStore(url, clock);
    ASSERT_TRUE(store.ok()) << url << ": " << store.error().ToString();
    EXPECT_EQ((*store)->ListWorkspaces()->size(), 1u) << url;
  }
}

TEST(OpenStoreTest, RefusedUrls) {
  struct Case {
    std::string url;
    ErrorCode code;
    std::string message_part;
  };
  const Case cases[] = {
      {"postgres://db.example.com/quorum", ErrorCode::kInvalid, "PostgreSQL support is not built yet"},
      {"postgresql://localhost/quorum", ErrorCode::kInvalid, "PostgreSQL support is not built yet"},
      {"mysql://localhost/quorum", ErrorCode::kInvalid, "unknown database URL scheme 'mysql'"},
      {"", ErrorCode::kInvalid, "names no file"},
      {"sqlite:", ErrorCode::kInvalid, "names no file"},
      {"/nonexistent-dir-for-quorum-tests/q.db", ErrorCode::kIo, "opening database"},
  };
  for (const Case& test : cases) {
    Result<std::unique_ptr<Store>> store = OpenStore(test.url);
    ASSERT_FALSE(store.ok()) << test.url;
    EXPECT_EQ(store.error().code, test.code) << test.url;
    EXPECT_NE(store.error().message.find(test.message_part), std::string::npos)
        << test.url << ": " << store.error().message;
  }
}

}  // namespace
}  // namespace quorum
