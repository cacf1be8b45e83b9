// The readers must not allocate per item once warmed up: on our VMs fresh memory is slow and
// allocation shows in import throughput. This file replaces the global operator new to count.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "io/csv_reader.h"
#include "io/json_stream.h"

// Sanitizers bring their own operator new, and replacing it in part would make them report
// new/free mismatches: there the counting is left out and the tests skip.
#if defined(__SANITIZE_ADDRESS__)
#define QUORUM_COUNTS_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QUORUM_COUNTS_ALLOCATIONS 0
#endif
#endif
#ifndef QUORUM_COUNTS_ALLOCATIONS
#define QUORUM_COUNTS_ALLOCATIONS 1
#endif

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace

#if QUORUM_COUNTS_ALLOCATIONS
// GCC cannot see that operator new and delete are replaced together here, and warns about
// free() on memory from operator new; both sides are ours and use malloc/free.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
// libstdc++'s other forms of operator new (nothrow, array) call this one.
void* operator new(std::size_t size) {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace quorum {
namespace {

std::string Records(bool array, int count) {
  std::string out = array ? "[" : "";
  for (int index = 0; index < count; ++index) {
    if (array && index > 0) out += ",\n";
    out += "{\"id\":" + std::to_string(index) + ",\"text\":\"a [b] {c} \\\"d\\\"\",\"n\":[1,[2]]}";
    if (!array) out += "\n";
  }
  return out + (array ? "]" : "");
}

TEST(SteadyStateAllocationTest, JsonStreamNextDoesNotAllocate) {
  if (!QUORUM_COUNTS_ALLOCATIONS) GTEST_SKIP() << "allocations are not counted under ASan";
  for (JsonFraming framing : {JsonFraming::kLines, JsonFraming::kArray}) {
    JsonStream stream(StringSource(Records(framing == JsonFraming::kArray, 50'000), "s"),
                      framing);
    ASSERT_TRUE(stream.Next().ok());  // warm up
    allocations = 0;
    counting = true;
    int items = 1;
    for (;;) {
      auto item = stream.Next();
      if (!item.ok() || !item->has_value()) break;
      ++items;
    }
    counting = false;
    EXPECT_EQ(items, 50'000);
    EXPECT_EQ(allocations.load(), 0) << "framing " << static_cast<int>(framing);
  }
}

TEST(SteadyStateAllocationTest, CsvReaderNextDoesNotAllocate) {
  if (!QUORUM_COUNTS_ALLOCATIONS) GTEST_SKIP() << "allocations are not counted under ASan";
  std::string input = "id,text,score\n";
  for (int index = 0; index < 50'000; ++index) {
    input += std::to_string(index % 10) + ",\"a, \"\"quoted\"\"\nvalue\",0.5\r\n";
  }
  CsvReader reader(StringSource(std::move(input), "s"));
  ASSERT_TRUE(reader.ReadHeader().ok());
  CsvRow row;
  ASSERT_TRUE(reader.Next(row).ok());  // warm up: the row's strings get their capacity
  allocations = 0;
  counting = true;
  int rows = 1;
  for (;;) {
    auto found = reader.Next(row);
    if (!found.ok() || !*found) break;
    ++rows;
  }
  counting = false;
  EXPECT_EQ(rows, 50'000);
  EXPECT_EQ(allocations.load(), 0);
}

}  // namespace
}  // namespace quorum
