// The deterministic train/test split, grouped by prompt: the split of a row depends only on its
// prompt's text and the seed, so rows that share a prompt (ranking pairs, several written
// answers, a prompt asked twice) always land in the same split, and re-running an export gives
// the same split.
#pragma once

#include <cstdint>

#include "export/field_text.h"

namespace quorum {

// A 64-bit hash of the prompt's content (a chat's roles and contents, in order). Stable across
// runs and machines.
uint64_t PromptHash(const FieldText& prompt);

// Whether a prompt with this hash goes to the test split: a uniform draw in [0, 1) from the hash
// and the seed, below `test_ratio`. With test_ratio 0 nothing does; with 1 everything does.
bool InTestSplit(uint64_t prompt_hash, uint64_t seed, double test_ratio);

}  // namespace quorum
