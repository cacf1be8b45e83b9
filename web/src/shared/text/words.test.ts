import { describe, expect, it } from "vitest";
import { codePointOffset } from "./offsets";
import { wordStepUtf16 } from "./words";

// Every stop of repeated word steps from one end of `text` to the other, in code points.
function stops(text: string, direction: 1 | -1): number[] {
  const found = [];
  let at = direction > 0 ? 0 : text.length;
  for (;;) {
    const next = wordStepUtf16(text, at, direction);
    if (next === at) return found;
    found.push(codePointOffset(text, (at = next)));
  }
}

describe("word steps", () => {
  // Code points: Zoë(0-3) met(4-7) 李雷(8-10) in(11-13) 🇫🇷(14-16) Paris(17-22) 🎉(23), 24 in all.
  const text = "Zoë met 李雷 in 🇫🇷 Paris 🎉";

  it("stops at word ends going forward and word starts going back, in code points", () => {
    // ICU splits the name 李雷 into its two characters; the flag and the emoji are not words.
    expect(stops(text, 1)).toEqual([3, 7, 9, 10, 13, 22, 24]);
    expect(stops(text, -1)).toEqual([17, 11, 9, 8, 4, 0]);
  });

  it("selects a whole word from its start, skipping the emoji before it", () => {
    const afterIn = text.indexOf(" 🇫🇷");
    const end = wordStepUtf16(text, afterIn, 1);
    expect(text.slice(wordStepUtf16(text, end, -1), end)).toBe("Paris");
  });

  it("moves from inside a word to its edges", () => {
    const inside = text.indexOf("et"); // between m and e of "met"
    expect(text.slice(wordStepUtf16(text, inside, -1), wordStepUtf16(text, inside, 1))).toBe("met");
  });

  it("keeps combining marks with their letter and apostrophes inside words", () => {
    const combining = "e\u0301te\u0301 l’été"; // "été" spelled with combining acute accents
    expect(wordStepUtf16(combining, 0, 1)).toBe(5);
    expect(wordStepUtf16(combining, 5, 1)).toBe(combining.length);
    expect(wordStepUtf16(combining, combining.length, -1)).toBe(6);
  });

  it("finds words in text written without spaces", () => {
    expect(stops("我喜欢北京大学", 1)).toEqual([1, 3, 5, 7]);
    expect(stops("東京タワーに行く", 1)).toEqual([5, 6, 8]);
  });

  it("stays inside the text at both ends and in text without words", () => {
    expect(wordStepUtf16(text, text.length, 1)).toBe(text.length);
    expect(wordStepUtf16(text, 0, -1)).toBe(0);
    expect(wordStepUtf16("🎉 — 🎌", 0, 1)).toBe("🎉 — 🎌".length);
    expect(wordStepUtf16("🎉 — 🎌", 3, -1)).toBe(0);
    expect(wordStepUtf16("", 0, 1)).toBe(0);
  });
});
