#include "io/stream_buffer.h"

#include <algorithm>
#include <cstring>

#include <simdjson.h>

namespace quorum {

static_assert(StreamBuffer::kPadding >= simdjson::SIMDJSON_PADDING,
              "views must be parseable in place by simdjson");

StreamBuffer::StreamBuffer(ByteSource& source, std::size_t max_capacity)
    : source_(source),
      // Clamped so that capacity + padding cannot overflow on an absurd limit.
      max_capacity_(std::max(kInitialCapacity, std::min(max_capacity, SIZE_MAX / 4))),
      // for_overwrite: fresh pages are slow to touch on our VMs; only bytes read are written.
      data_(std::make_unique_for_overwrite<char[]>(kInitialCapacity + kPadding)),
      capacity_(kInitialCapacity) {
  std::memset(data_.get(), 0, kPadding);
}

void StreamBuffer::Truncate(const char* position) {
  end_ = static_cast<std::size_t>(position - data_.get());
  std::memset(data_.get() + end_, 0, kPadding);
}

Result<bool> StreamBuffer::Fill() {
  if (at_end_) return false;
  // Pending bytes are at most one partial item, so moving them is cheap next to the read.
  if (begin_ > 0) {
    std::memmove(data_.get(), data_.get() + begin_, end_ - begin_);
    discarded_ += static_cast<int64_t>(begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) QUORUM_RETURN_IF_ERROR(Grow());
  QUORUM_ASSIGN_OR_RETURN(std::size_t count, source_.Read(data_.get() + end_, capacity_ - end_));
  end_ += count;
  // Zeroed padding keeps what follows a view deterministic (and defined, for valgrind).
  std::memset(data_.get() + end_, 0, kPadding);
  if (count == 0) at_end_ = true;
  return count > 0;
}

Status StreamBuffer::SkipByteOrderMark() {
  static constexpr char kBom[] = "\xEF\xBB\xBF";
  while (size() < 3) {
    QUORUM_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) break;
  }
  if (size() >= 3 && std::memcmp(begin(), kBom, 3) == 0) Consume(begin() + 3);
  return OkStatus();
}

Status StreamBuffer::Grow() {
  if (capacity_ >= max_capacity_) {
    return MakeError(ErrorCode::kInternal, "StreamBuffer::Fill on a full buffer of " +
                                               std::to_string(capacity_) + " bytes");
  }
  std::size_t capacity = std::min(capacity_ * 2, max_capacity_);
  auto data = std::make_unique_for_overwrite<char[]>(capacity + kPadding);
  std::memcpy(data.get(), data_.get(), end_);
  data_ = std::move(data);
  capacity_ = capacity;
  return OkStatus();
}

}  // namespace quorum
