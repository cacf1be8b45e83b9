import { describe, expect, it } from "vitest";
import { stopFromNextError } from "./stop";

describe("stopFromNextError", () => {
  it("reads the end of the queue and pauses", () => {
    expect(stopFromNextError("no_more_records", "none left")?.kind).toBe("done");
    const paused = stopFromNextError("paused", "a manager paused your annotation in this project");
    expect(paused?.kind).toBe("paused");
    expect(paused?.message).toContain("a manager paused your annotation");
  });

  it("explains a suspension with the caller's own figures", () => {
    const stop = stopFromNextError("suspended", "you are suspended", {
      suspension: { gold: { answered: 5, correct: 1, accuracy: 0.2 }, threshold: 0.6, after: 5, reason: "gold accuracy 20%" },
    });
    expect(stop?.kind).toBe("suspended");
    expect(stop?.message).toContain("1 of 5");
    expect(stop?.message).toContain("(20%)");
    expect(stop?.message).toContain("at least 60%");
    expect(stop?.message).toContain("until a manager reinstates you");
  });

  it("falls back to the server's message without figures, and leaves real failures alone", () => {
    expect(stopFromNextError("suspended", "you are suspended: gold accuracy 0%")?.message).toContain("gold accuracy 0%");
    expect(stopFromNextError("internal", "boom")).toBeNull();
    expect(stopFromNextError("forbidden", "no")).toBeNull();
  });
});
