import { describe, expect, it } from "vitest";
import { codePointLength, codePointOffset, stepUtf16, utf16Offset } from "./offsets";

describe("span offsets", () => {
  // The example of docs/schema.md: the flag is at code point 4, the length is 5.
  const zoe = "Zoë 🎌";

  it("counts code points, not UTF-16 units", () => {
    expect(zoe.length).toBe(6);
    expect(codePointLength(zoe)).toBe(5);
    expect(codePointOffset(zoe, zoe.indexOf("🎌"))).toBe(4);
    expect(codePointOffset(zoe, zoe.length)).toBe(5);
  });

  it("converts both ways past astral characters", () => {
    const text = "🎉 Zoë met 李雷 in 🇫🇷 Paris";
    for (let point = 0; point <= codePointLength(text); ++point) {
      expect(codePointOffset(text, utf16Offset(text, point))).toBe(point);
    }
    expect(text.slice(utf16Offset(text, 2), utf16Offset(text, 5))).toBe("Zoë");
    expect([...text].slice(2, 5).join("")).toBe("Zoë");
  });

  it("rounds an offset inside a surrogate pair down", () => {
    expect(codePointOffset("a🎌b", 2)).toBe(1);
    expect(utf16Offset("a🎌b", 99)).toBe(4);
  });

  it("steps over whole characters", () => {
    expect(stepUtf16("a🎌b", 1, 1)).toBe(3);
    expect(stepUtf16("a🎌b", 3, -1)).toBe(1);
    expect(stepUtf16("ab", 0, -1)).toBe(0);
    expect(stepUtf16("ab", 2, 1)).toBe(2);
  });
});
