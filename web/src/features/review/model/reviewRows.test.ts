import { describe, expect, it } from "vitest";
import type { ResponseJson, Schema } from "../../../shared/api/types";
import { answerText, mayReview, reviewRows, reviewTally } from "./reviewRows";

const schema: Schema = {
  fields: [{ name: "prompt", title: "Prompt", kind: "text" }],
  questions: [
    { name: "preference", title: "Which is better?", kind: "preference", options: ["response_a", "response_b"] },
    { name: "tags", title: "", kind: "multi_label", labels: ["x", "y"] },
  ],
};

function response(id: number, status: ResponseJson["status"], values: Record<string, unknown>, review: ResponseJson["review"] = null): ResponseJson {
  return { id, record_id: 1, user_id: 10 + id, values, status, time_spent_ms: 0, updated_at: "2026-01-01T00:00:00.000Z", review };
}

describe("reviewRows", () => {
  it("keeps the submitted responses in id order with their verdicts", () => {
    const rows = reviewRows(
      [
        response(3, "submitted", { preference: "response_b" }, { verdict: "rejected", comment: "off", reviewed_at: "" }),
        response(2, "draft", { preference: "response_a" }),
        response(1, "submitted", { tags: ["x", "y"], preference: "response_a" }, { verdict: "accepted", comment: "", reviewed_at: "" }),
        response(4, "discarded", {}),
        response(5, "submitted", { preference: "response_a" }),
      ],
      schema,
    );
    expect(rows.map((row) => row.responseId)).toEqual([1, 3, 5]);
    expect(rows[0].answers).toEqual([
      { question: "Which is better?", text: "response_a" },
      { question: "tags", text: "x, y" },
    ]);
    expect(rows[1]).toMatchObject({ verdict: "rejected", comment: "off", userId: 13 });
    expect(rows[2].verdict).toBeNull();
    expect(reviewTally(rows)).toBe("1 accepted, 1 rejected, 1 to review");
  });

  it("writes answers on one line and knows who reviews", () => {
    expect(answerText(4)).toBe("4");
    expect(answerText([{ start: 0, end: 3, label: "PER" }])).toBe('[{"start":0,"end":3,"label":"PER"}]');
    expect(answerText(null)).toBe("");
    expect(["owner", "manager", "reviewer", "annotator", undefined].map((role) => mayReview(role as never))).toEqual([
      true, true, true, false, false,
    ]);
  });
});
