// The names of the queue orders, shared by the settings that choose one and the store that
// records which one a project's queue follows.
#pragma once

#include "store/store.h"

namespace quorum {

// "fifo", "random", "priority", "uncertainty".
const char* QueueOrderName(QueueOrder order);

}  // namespace quorum
