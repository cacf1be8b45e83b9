#include "io/json_stream.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <variant>

#include "io/json_array_framer.h"
#include "io/json_lines_framer.h"
#include "io/stream_buffer.h"

namespace quorum {

class JsonStream::Impl {
 public:
  Impl(std::unique_ptr<ByteSource> source, JsonFraming framing, std::size_t max_item_bytes)
      : source_(std::move(source)),
        // One byte over the limit, so that a value over it is seen whole and refused, never
        // mistaken for a full buffer.
        buffer_(*source_, std::min(max_item_bytes, SIZE_MAX / 4) + 1),
        framer_(MakeFramer(framing, buffer_, source_->name(), max_item_bytes)) {}

  Result<std::optional<JsonItem>> Next() {
    if (failure_) return *failure_;
    if (!started_) {
      started_ = true;
      Status skipped = buffer_.SkipByteOrderMark();
      if (!skipped.ok()) return Fail(std::move(skipped).error());
    }
    auto item = std::visit([](auto& framer) { return framer.Next(); }, framer_);
    if (!item.ok()) return Fail(std::move(item).error());
    return item;
  }

  std::size_t buffer_capacity() const { return buffer_.capacity(); }

 private:
  using Framer = std::variant<JsonLinesFramer, JsonArrayFramer>;

  static Framer MakeFramer(JsonFraming framing, StreamBuffer& buffer, const std::string& name,
                           std::size_t max_item_bytes) {
    if (framing == JsonFraming::kLines) {
      return Framer(std::in_place_type<JsonLinesFramer>, buffer, name, max_item_bytes);
    }
    return Framer(std::in_place_type<JsonArrayFramer>, buffer, name, max_item_bytes);
  }

  // The stream is spent: every later call returns the same error rather than items after a
  // point the framer could not make sense of.
  Error Fail(Error error) {
    failure_ = error;
    return error;
  }

  std::unique_ptr<ByteSource> source_;
  StreamBuffer buffer_;
  Framer framer_;
  bool started_ = false;
  std::optional<Error> failure_;
};

JsonStream::JsonStream(std::unique_ptr<ByteSource> source, JsonFraming framing,
                       std::size_t max_item_bytes)
    : impl_(std::make_unique<Impl>(std::move(source), framing, max_item_bytes)) {}

JsonStream::~JsonStream() = default;

Result<std::optional<JsonItem>> JsonStream::Next() { return impl_->Next(); }

std::size_t JsonStream::buffer_capacity() const { return impl_->buffer_capacity(); }

}  // namespace quorum
