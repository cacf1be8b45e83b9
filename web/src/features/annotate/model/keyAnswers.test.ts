import { describe, expect, it } from "vitest";
import type { QuestionSpec } from "../../../shared/api/types";
import { keyedAnswer } from "./keyAnswers";

const questions: QuestionSpec[] = [
  { name: "why", title: "Why", kind: "text" },
  { name: "pref", title: "Pref", kind: "preference", options: ["a", "b"], scale: "binary" },
  { name: "tags", title: "Tags", kind: "multi_label", labels: ["x", "y", "z"] },
  { name: "stars", title: "Stars", kind: "rating", values: [1, 2, 3] },
];
const answer = (action: Parameters<typeof keyedAnswer>[0], focused: string | null, previous?: unknown) => {
  const keyed = keyedAnswer(action, questions, focused);
  return keyed && { question: keyed.question, value: keyed.update(previous) };
};

describe("keyedAnswer", () => {
  it("sends number keys to the first question that takes them", () => {
    expect(answer({ type: "choose", index: 1 }, null)).toEqual({ question: "pref", value: "b" });
    expect(answer({ type: "choose", index: 1 }, "why")).toEqual({ question: "pref", value: "b" });
  });

  it("sends number keys to the focused question", () => {
    expect(answer({ type: "choose", index: 2 }, "stars")).toEqual({ question: "stars", value: 3 });
    expect(answer({ type: "choose", index: 0 }, "tags", ["z"])).toEqual({ question: "tags", value: ["x", "z"] });
  });

  it("ignores a number past the choices", () => {
    expect(answer({ type: "choose", index: 5 }, "stars")).toBeNull();
  });

  it("answers A/B on the preference, and tie only where the scale has one", () => {
    expect(answer({ type: "prefer", side: "A" }, "stars")).toEqual({ question: "pref", value: "a" });
    expect(answer({ type: "prefer", side: "tie" }, null)).toBeNull();
    const threeWay: QuestionSpec[] = [{ name: "p", title: "P", kind: "preference", options: ["a", "b"], scale: "three_way" }];
    expect(keyedAnswer({ type: "prefer", side: "tie" }, threeWay, null)?.update(undefined)).toBe("tie");
    const fivePoint: QuestionSpec[] = [{ name: "p", title: "P", kind: "preference", options: ["a", "b"], scale: "five_point" }];
    expect(keyedAnswer({ type: "prefer", side: "A" }, fivePoint, null)).toBeNull();
  });
});
