// Finding the next interesting byte 16 at a time. Private to src/io.
//
// Every function here may read up to 15 bytes past `end`, which must be readable: the
// readers scan StreamBuffer's pending bytes, always followed by StreamBuffer::kPadding bytes.
#pragma once

#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quorum::scan {

#if defined(__SSE2__)
namespace internal {

// The first position in [p, end) whose byte is flagged in the mask `Match` computes from 16
// loaded bytes, or end.
template <class Match>
inline const char* FindFirst(const char* p, const char* end, Match match) {
  for (; p < end; p += 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto mask = static_cast<uint32_t>(_mm_movemask_epi8(match(bytes)));
    if (end - p < 16) mask &= (uint32_t{1} << (end - p)) - 1;
    if (mask != 0) return p + std::countr_zero(mask);
  }
  return end;
}

inline __m128i Equal(__m128i bytes, char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); }

}  // namespace internal

// The first of `a`, `b` in [p, end), or end.
inline const char* FindAny(const char* p, const char* end, char a, char b) {
  return internal::FindFirst(p, end, [=](__m128i bytes) {
    return _mm_or_si128(internal::Equal(bytes, a), internal::Equal(bytes, b));
  });
}

// The first of `a`, `b`, `c` in [p, end), or end.
inline const char* FindAny(const char* p, const char* end, char a, char b, char c) {
  return internal::FindFirst(p, end, [=](__m128i bytes) {
    return _mm_or_si128(_mm_or_si128(internal::Equal(bytes, a), internal::Equal(bytes, b)),
                        internal::Equal(bytes, c));
  });
}

// The first byte in [p, end) that may be JSON structure outside a string: '"', '\n' or a
// bracket, or end. Brackets are matched as (byte & 0xD9) == 0x59, one compare for all four;
// it also matches 'Y', '_', 'y' and DEL, which the caller skips.
inline const char* FindJsonStructure(const char* p, const char* end) {
  return internal::FindFirst(p, end, [](__m128i bytes) {
    __m128i brackets = internal::Equal(_mm_and_si128(bytes, _mm_set1_epi8(char(0xD9))), 0x59);
    return _mm_or_si128(_mm_or_si128(internal::Equal(bytes, '"'), internal::Equal(bytes, '\n')),
                        brackets);
  });
}

#else  // a portable fallback, a byte at a time

inline const char* FindAny(const char* p, const char* end, char a, char b) {
  while (p < end && *p != a && *p != b) ++p;
  return p;
}

inline const char* FindAny(const char* p, const char* end, char a, char b, char c) {
  while (p < end && *p != a && *p != b && *p != c) ++p;
  return p;
}

inline const char* FindJsonStructure(const char* p, const char* end) {
  while (p < end && *p != '"' && *p != '\n' && (*p & 0xD9) != 0x59) ++p;
  return p;
}

#endif

}  // namespace quorum::scan
