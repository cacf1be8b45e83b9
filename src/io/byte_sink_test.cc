#include "io/byte_sink.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace quorum {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Pieces small and large (one past the 1 MiB buffer), so buffers are handed to the sink's
// writer thread and a large write waits for it: the file must hold them in order.
TEST(FileSinkTest, WritesEveryPieceInOrder) {
  const std::string path = (std::filesystem::temp_directory_path() / "quorum-byte-sink-test.txt").string();
  std::string expected;
  {
    Result<std::unique_ptr<ByteSink>> sink = OpenFileSink(path);
    ASSERT_TRUE(sink.ok()) << sink.error().ToString();
    for (int piece = 0; piece < 3000; ++piece) {
      const char letter = static_cast<char>('a' + piece % 26);
      std::string bytes = std::to_string(piece) + std::string(static_cast<size_t>(piece % 997), letter) + '\n';
      if (piece == 1500) bytes = std::string((1 << 20) + 17, 'L');
      expected += bytes;
      ASSERT_TRUE((*sink)->Write(bytes).ok());
    }
    ASSERT_TRUE((*sink)->Flush().ok());
    EXPECT_EQ(ReadFile(path), expected);
    ASSERT_TRUE((*sink)->Write("tail").ok());
  }  // the destructor flushes
  EXPECT_EQ(ReadFile(path), expected + "tail");
  std::remove(path.c_str());
}

// /dev/full refuses every write: the failure, met on the sink's thread, comes back by Flush
// at the latest, naming the file, and again on every later call.
TEST(FileSinkTest, ReportsAFailedWriteByFlush) {
  Result<std::unique_ptr<ByteSink>> sink = OpenFileSink("/dev/full");
  ASSERT_TRUE(sink.ok()) << sink.error().ToString();
  const std::string piece(4096, 'x');
  for (int count = 0; count < 600; ++count)
    if (!(*sink)->Write(piece).ok()) break;
  Status flushed = (*sink)->Flush();
  ASSERT_FALSE(flushed.ok());
  EXPECT_EQ(flushed.error().code, ErrorCode::kIo);
  EXPECT_NE(flushed.error().message.find("/dev/full"), std::string::npos) << flushed.error().message;
  EXPECT_FALSE((*sink)->Flush().ok());
}

}  // namespace
}  // namespace quorum
