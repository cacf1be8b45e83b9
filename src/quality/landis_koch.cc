#include "quality/landis_koch.h"

namespace quorum {

const char* LandisKochReading(double coefficient) {
  if (coefficient < 0) return "poor";
  if (coefficient <= 0.20) return "slight";
  if (coefficient <= 0.40) return "fair";
  if (coefficient <= 0.60) return "moderate";
  if (coefficient <= 0.80) return "substantial";
  return "almost perfect";
}

}  // namespace quorum
