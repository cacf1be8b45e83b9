// The Landis-Koch reading of a kappa-like coefficient (J. R. Landis and G. G. Koch, "The
// measurement of observer agreement for categorical data", Biometrics 33, 1977):
// < 0 poor, 0-0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate, 0.61-0.80 substantial,
// 0.81-1 almost perfect.
#pragma once

namespace quorum {

// "poor", "slight", "fair", "moderate", "substantial" or "almost perfect". Bounds belong to the
// lower band (0.20 is slight, 0.2001 fair). Thread-safe; the string is static.
const char* LandisKochReading(double coefficient);

}  // namespace quorum
