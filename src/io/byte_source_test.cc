#include "io/byte_source.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace quorum {
namespace {

std::string ReadAll(ByteSource& source, std::size_t chunk) {
  std::string out;
  std::string buffer(chunk, '\0');
  for (;;) {
    auto count = source.Read(buffer.data(), buffer.size());
    EXPECT_TRUE(count.ok());
    if (!count.ok() || *count == 0) return out;
    out.append(buffer.data(), *count);
  }
}

TEST(StringSourceTest, ReturnsItsDataThenEnds) {
  auto source = StringSource("hello, world", "<body>");
  EXPECT_EQ(source->name(), "<body>");
  EXPECT_EQ(ReadAll(*source, 5), "hello, world");
  auto again = source->Read(nullptr, 0);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0u);
}

TEST(FileSourceTest, ReadsTheFile) {
  std::string path = ::testing::TempDir() + "quorum_byte_source_test.txt";
  std::string data(3'000'000, 'x');
  data += "end";
  std::ofstream(path, std::ios::binary) << data;
  auto source = OpenFileSource(path);
  ASSERT_TRUE(source.ok()) << source.error().ToString();
  EXPECT_EQ((*source)->name(), path);
  EXPECT_TRUE(ReadAll(**source, 1 << 20) == data);
  std::remove(path.c_str());
}

TEST(FileSourceTest, MissingFileNamesPathAndReason) {
  auto source = OpenFileSource("/nonexistent/records.jsonl");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, ErrorCode::kIo);
  EXPECT_EQ(source.error().message,
            "/nonexistent/records.jsonl: cannot open: No such file or directory");
}

TEST(FileSourceTest, DirectoryIsRefused) {
  auto source = OpenFileSource("/tmp");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, ErrorCode::kIo);
  EXPECT_EQ(source.error().message, "/tmp: cannot open: is a directory");
}

}  // namespace
}  // namespace quorum
