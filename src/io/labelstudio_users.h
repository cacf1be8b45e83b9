// Label Studio user ids <-> Quorum users. Label Studio files name annotators by integer id
// (completed_by: 7) or, in some exports, by an object with an email. Quorum knows users by
// email, so an id N stands for the user "labelstudio-user-N@import.local" (the importer
// creates it with --create-users), and exports write that user back as N.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quorum {

// "labelstudio-user-<id>@import.local".
std::string LabelStudioUserEmail(int64_t id);

// N when `email` is LabelStudioUserEmail(N) (any case), else nullopt.
std::optional<int64_t> LabelStudioUserId(std::string_view email);

// The completed_by an export writes for a Quorum user: the Label Studio id the user was
// imported as, else the Quorum user id.
inline int64_t ExportedUserId(int64_t quorum_user_id, std::string_view email) {
  return LabelStudioUserId(email).value_or(quorum_user_id);
}

}  // namespace quorum
