#include "store/no_wait_scope.h"

#include <utility>

namespace quorum {
namespace {

struct ThreadState {
  bool inside = false;
  bool refused = false;
  const void* owner = nullptr;
  std::unique_ptr<NoWaitScope::Kept> kept;
};

thread_local ThreadState state;

}  // namespace

NoWaitScope::NoWaitScope() { state = ThreadState{true, false, nullptr, nullptr}; }

// What was kept goes first, while the scope still counts as open for it.
NoWaitScope::~NoWaitScope() {
  state.kept.reset();
  state = ThreadState{};
}

bool NoWaitScope::refused() const { return state.refused; }

bool NoWaitScope::Refuse() {
  if (!state.inside) return false;
  state.refused = true;
  return true;
}

bool NoWaitScope::CanKeep() { return state.inside && state.kept == nullptr; }

void NoWaitScope::Keep(const void* owner, std::unique_ptr<Kept> kept) {
  state.owner = owner;
  state.kept = std::move(kept);
}

NoWaitScope::Kept* NoWaitScope::KeptBy(const void* owner) {
  return state.inside && state.owner == owner ? state.kept.get() : nullptr;
}

}  // namespace quorum
