// Span offsets: the server counts Unicode code points (docs/schema.md, like Python's str and
// Label Studio's offsets), JavaScript strings and DOM selections count UTF-16 code units. A
// character outside the Basic Multilingual Plane (an emoji, many CJK extensions) is one code
// point but two code units, so the two differ after the first such character.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

// The code-point offset of UTF-16 offset `utf16` in `text`. An offset inside a surrogate pair
// counts the whole character as before it (rounds down).
export function codePointOffset(text: string, utf16: number): number {
  let points = 0;
  const limit = Math.min(utf16, text.length);
  for (let unit = 0; unit < limit; ++unit) {
    const high = isHighSurrogate(text.charCodeAt(unit));
    if (high && unit + 1 < text.length && isLowSurrogate(text.charCodeAt(unit + 1))) {
      if (unit + 1 >= limit) break; // the offset splits the pair
      ++unit;
    }
    ++points;
  }
  return points;
}

// The UTF-16 offset of code-point offset `points` in `text` (the text's length past its end).
export function utf16Offset(text: string, points: number): number {
  let unit = 0;
  for (let point = 0; point < points && unit < text.length; ++point) {
    const high = isHighSurrogate(text.charCodeAt(unit));
    unit += high && unit + 1 < text.length && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
  }
  return unit;
}

// The number of code points in `text`.
export function codePointLength(text: string): number {
  return codePointOffset(text, text.length);
}

// A UTF-16 offset moved by one character (never into the middle of a surrogate pair).
export function stepUtf16(text: string, utf16: number, direction: 1 | -1): number {
  if (direction > 0) {
    if (utf16 >= text.length) return text.length;
    return utf16 + (isHighSurrogate(text.charCodeAt(utf16)) && isLowSurrogate(text.charCodeAt(utf16 + 1)) ? 2 : 1);
  }
  if (utf16 <= 0) return 0;
  return utf16 - (isLowSurrogate(text.charCodeAt(utf16 - 1)) && isHighSurrogate(text.charCodeAt(utf16 - 2)) ? 2 : 1);
}
