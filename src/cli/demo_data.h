// Content of the demo pairwise-preference project: 50 prompts, each with two model responses,
// and the votes of three demo annotators on the first 30.
#pragma once

#include <span>
#include <string_view>

namespace quorum {

// One record of the demo pairwise-preference project.
struct DemoRecord {
  std::string_view id;          // "demo-001" .. "demo-050"
  std::string_view category;    // one of: coding, math, writing, advice, factual, safety, reasoning, summarization
  std::string_view prompt;      // markdown
  std::string_view response_a;  // markdown
  std::string_view response_b;  // markdown
  std::string_view model_a;     // one of: "llama-3.1-8b-instruct", "mistral-7b-instruct-v0.3", "qwen2.5-7b-instruct", "gemma-2-9b-it"
  std::string_view model_b;     // a different one of those four
  // The three demo annotators' votes for records 1..30: each 'a' or 'b' ('-' for records 31..50,
  // which are unanswered).
  char votes[3];
  std::string_view rationale;   // one short sentence from the first annotator (empty for 31..50)
};

// The 50 demo records, in id order. The data lives in static storage.
std::span<const DemoRecord> DemoRecords();

}  // namespace quorum
