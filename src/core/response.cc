#include "core/response.h"

namespace quorum {

const char* ResponseStatusName(ResponseStatus status) {
  switch (status) {
    case ResponseStatus::kDraft: return "draft";
    case ResponseStatus::kSubmitted: return "submitted";
    case ResponseStatus::kDiscarded: return "discarded";
  }
  return "draft";
}

std::optional<ResponseStatus> ParseResponseStatus(std::string_view name) {
  for (ResponseStatus status : {ResponseStatus::kDraft, ResponseStatus::kSubmitted, ResponseStatus::kDiscarded})
    if (name == ResponseStatusName(status)) return status;
  return std::nullopt;
}

}  // namespace quorum
