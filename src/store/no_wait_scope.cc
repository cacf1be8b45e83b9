#include "store/no_wait_scope.h"

namespace quorum {
namespace {

struct ThreadState {
  bool inside = false;
  bool refused = false;
};

thread_local ThreadState state;

}  // namespace

NoWaitScope::NoWaitScope() { state = ThreadState{true, false}; }

NoWaitScope::~NoWaitScope() { state = ThreadState{}; }

bool NoWaitScope::refused() const { return state.refused; }

bool NoWaitScope::Refuse() {
  if (!state.inside) return false;
  state.refused = true;
  return true;
}

}  // namespace quorum
