#include "preference_data.h"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string_view>

namespace quorum::bench {
namespace {

constexpr std::array<std::string_view, 48> kWords = {
    "the",      "model",     "answer",    "should",   "explain",  "clearly", "because", "users",
    "often",    "need",      "concrete",  "examples", "function", "returns", "value",   "error",
    "request",  "server",    "database",  "query",    "index",    "memory",  "thread",  "python",
    "however",  "consider",  "simple",    "approach", "first",    "second",  "finally", "result",
    "question", "helpful",   "accurate",  "concise",  "step",     "by",      "with",    "without",
    "data",     "training",  "preference", "reward",  "policy",   "safety",  "review",  "annotator"};
constexpr std::array<std::string_view, 4> kModels = {"llama-3.1-8b-instruct", "mistral-7b-instruct-v0.3",
                                                     "qwen2.5-7b-instruct", "gemma-2-9b-it"};
constexpr std::array<std::string_view, 4> kCategories = {"coding", "writing", "advice", "math"};

// SplitMix64: tiny, fast and good enough to vary the text.
uint64_t Next(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void AppendSentences(std::string& out, std::size_t bytes, uint64_t& state) {
  const std::size_t start = out.size();
  bool capital = true;
  while (out.size() - start < bytes) {
    std::string_view word = kWords[Next(state) % kWords.size()];
    if (capital) {
      out.push_back(static_cast<char>(word[0] - 32));
      out.append(word.substr(1));
      capital = false;
    } else {
      out.append(word);
    }
    if (Next(state) % 9 == 0) {
      out.append(". ");
      capital = true;
    } else {
      out.push_back(' ');
    }
  }
  out.append("done.");
}

}  // namespace

void AppendPreferenceRow(std::string& out, int64_t index, uint64_t seed) {
  uint64_t state = seed ^ (static_cast<uint64_t>(index) * 0x2545f4914f6cdd1dULL);
  const std::size_t model_a = Next(state) % kModels.size();
  const std::size_t model_b = (model_a + 1 + Next(state) % (kModels.size() - 1)) % kModels.size();
  out.append("{\"id\":\"rec-");
  out.append(std::to_string(index));
  out.append("\",\"prompt\":\"");
  AppendSentences(out, 300, state);
  out.append("\",\"response_a\":\"");
  AppendSentences(out, 550, state);
  out.append("\",\"response_b\":\"");
  AppendSentences(out, 550, state);
  out.append("\",\"model_a\":\"");
  out.append(kModels[model_a]);
  out.append("\",\"model_b\":\"");
  out.append(kModels[model_b]);
  out.append("\",\"category\":\"");
  out.append(kCategories[Next(state) % kCategories.size()]);
  out.append("\"}\n");
}

int64_t WritePreferenceFile(const std::string& path, int64_t count, uint64_t seed) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot create " + path);
  std::string buffer;
  buffer.reserve(4 << 20);
  int64_t written = 0;
  for (int64_t index = 0; index < count; ++index) {
    AppendPreferenceRow(buffer, index, seed);
    if (buffer.size() >= (4 << 20) - 4096 || index + 1 == count) {
      if (std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size()) throw std::runtime_error("short write");
      written += static_cast<int64_t>(buffer.size());
      buffer.clear();
    }
  }
  std::fclose(file);
  return written;
}

}  // namespace quorum::bench
