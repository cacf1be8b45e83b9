#include "cli/command.h"

#include "store/open_store.h"

namespace quorum {

Result<Store*> CommandContext::store() {
  if (!store_) {
    QUORUM_ASSIGN_OR_RETURN(store_, OpenStore(db_url_, clock_));
  }
  return store_.get();
}

}  // namespace quorum
