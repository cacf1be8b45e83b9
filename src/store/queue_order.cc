#include "store/queue_order.h"

namespace quorum {

const char* QueueOrderName(QueueOrder order) {
  switch (order) {
    case QueueOrder::kFifo: return "fifo";
    case QueueOrder::kRandom: return "random";
    case QueueOrder::kPriority: return "priority";
    case QueueOrder::kUncertainty: return "uncertainty";
  }
  return "fifo";
}

}  // namespace quorum
