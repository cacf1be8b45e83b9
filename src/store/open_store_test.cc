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
      // Port 1 on the loopback: nothing listens, so the connection is refused at once.
      {"postgres://quorum:s3cret@127.0.0.1:1/quorum", ErrorCode::kIo, "127.0.0.1:1"},
      {"postgresql://127.0.0.1:1/quorum", ErrorCode::kIo, "cannot connect to PostgreSQL at 127.0.0.1:1"},
      {"postgres://quorum:s3cret@127.0.0.1:1/quorum?pool_size=0", ErrorCode::kInvalid, "pool_size must be"},
      {"postgres://", ErrorCode::kInvalid, "names no server"},
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
    EXPECT_EQ(store.error().message.find("s3cret"), std::string::npos) << "password in: " << store.error().message;
  }
}

}  // namespace
}  // namespace quorum
