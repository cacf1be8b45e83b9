// Word steps for keyboard span selection (Ctrl+Arrow, with Shift to extend). The browser has no
// caret in the read-only span text, so the UI moves its own; this finds where a word step lands.
//
// Words are Intl.Segmenter's word-like segments: Unicode word boundaries (UAX #29) plus ICU's
// dictionaries for scripts written without spaces (Chinese, Japanese, Thai), so "北京大学" is two
// steps, not one per character nor one for the whole sentence. Segments never split a surrogate
// pair, a combining mark from its base or an emoji sequence, so a step always lands on a
// character boundary. Offsets here are UTF-16 units, like the DOM's; shared/text/offsets turns
// them into the code points the server stores.

let segmenter: Intl.Segmenter | null = null;

function words(text: string): { start: number; end: number }[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  const found = [];
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) found.push({ start: segment.index, end: segment.index + segment.segment.length });
  }
  return found;
}

// Forward: to the end of the word the offset is in or the next one (the text's end when none
// is left). Backward: to the start of the word the offset is in or the previous one (0). So
// from a word's start, Shift+Ctrl+Right selects exactly that word, punctuation and emoji not
// included.
export function wordStepUtf16(text: string, utf16: number, direction: 1 | -1): number {
  const all = words(text);
  if (direction > 0) return all.find((word) => word.end > utf16)?.end ?? text.length;
  let start = 0;
  for (const word of all) if (word.start < utf16) start = word.start;
  return start;
}
