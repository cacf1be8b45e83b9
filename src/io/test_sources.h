// ByteSource test doubles for the io tests. Test-only: nothing in the library includes it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>

#include "io/byte_source.h"

namespace quorum::testing {

// Returns `data` 1 to 7 bytes per Read, in a sequence fixed by `seed`: every buffer boundary
// a reader can meet falls somewhere.
class ChunkedSource final : public ByteSource {
 public:
  ChunkedSource(std::string data, std::string name, uint32_t seed)
      : data_(std::move(data)), name_(std::move(name)), state_(seed * 2654435761u + 1) {}

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    state_ = state_ * 1103515245u + 12345u;
    std::size_t chunk = 1 + (state_ >> 16) % 7;
    std::size_t count = std::min({size, chunk, data_.size() - position_});
    std::memcpy(buffer, data_.data() + position_, count);
    position_ += count;
    return count;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string data_;
  std::string name_;
  uint32_t state_;
  std::size_t position_ = 0;
};

// Produces `total_bytes` of a stream made by `next_piece` (called with the piece's index,
// returning its bytes) without holding more than one piece: for memory tests over streams
// far larger than anything a reader may keep.
class GeneratingSource final : public ByteSource {
 public:
  GeneratingSource(std::function<void(int64_t index, std::string& piece)> next_piece,
                   int64_t total_bytes, std::string name)
      : next_piece_(std::move(next_piece)), remaining_(total_bytes), name_(std::move(name)) {}

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    std::size_t count = 0;
    while (count < size && remaining_ > 0) {
      if (offset_ == piece_.size()) {
        piece_.clear();
        next_piece_(index_++, piece_);
        offset_ = 0;
      }
      std::size_t take = std::min({size - count, piece_.size() - offset_,
                                   static_cast<std::size_t>(remaining_)});
      std::memcpy(buffer + count, piece_.data() + offset_, take);
      offset_ += take;
      count += take;
      remaining_ -= static_cast<int64_t>(take);
    }
    return count;
  }
  const std::string& name() const override { return name_; }

 private:
  std::function<void(int64_t, std::string&)> next_piece_;
  int64_t remaining_;
  std::string name_;
  std::string piece_;
  std::size_t offset_ = 0;
  int64_t index_ = 0;
};

// Returns `data`, then fails with kIo.
class FailingSource final : public ByteSource {
 public:
  FailingSource(std::string data, std::string name)
      : data_(std::move(data)), name_(std::move(name)) {}

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    if (done_) return MakeError(ErrorCode::kIo, name_ + ": disk on fire");
    std::size_t count = std::min(size, data_.size());
    std::memcpy(buffer, data_.data(), count);
    done_ = true;
    return count;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string data_;
  std::string name_;
  bool done_ = false;
};

}  // namespace quorum::testing
