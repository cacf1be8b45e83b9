// The web UI's built files, embedded in the binary. Defined by a .cc that the build generates
// from web/ (web/CMakeLists.txt, cmake/embed_files.cmake) in the library quorum_web_assets,
// which only the quorum executable links: the http library and its tests do not need node.
#pragma once

#include <span>

#include "http/static_assets.h"

namespace quorum {

// Every file of the built UI (index.html and the hashed files under /assets/), in static
// storage. Thread-safe.
std::span<const StaticFile> EmbeddedWebFiles();

}  // namespace quorum
