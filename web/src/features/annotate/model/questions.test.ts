import { describe, expect, it } from "vitest";
import type { QuestionSpec } from "../../../shared/api/types";
import {
  addSpan,
  answeredValues,
  modelOf,
  moveItem,
  preferenceChoices,
  problemsByQuestion,
  questionOfSubject,
  validateRequired,
} from "./questions";

const question = (fields: Partial<QuestionSpec>): QuestionSpec => ({ name: "q", title: "Q", kind: "label", ...fields });

describe("question models", () => {
  it("finds required questions without an answer", () => {
    const questions = [
      question({ name: "pref", kind: "preference", required: true, options: ["a", "b"] }),
      question({ name: "why", kind: "text", required: true }),
      question({ name: "ents", kind: "span", required: true, labels: ["PER"], field: "text" }),
      question({ name: "note", kind: "text" }),
    ];
    expect(Object.keys(validateRequired(questions, { why: "   " }))).toEqual(["pref", "why", "ents"]);
    expect(validateRequired(questions, { pref: "a", why: "ok", ents: [] })).toEqual({});
  });

  it("leaves empty answers out of what is sent", () => {
    const questions = [question({ name: "l", labels: ["x"] }), question({ name: "m", kind: "multi_label", labels: ["x"] })];
    expect(answeredValues(questions, { l: "x", m: [] })).toEqual({ l: "x" });
  });

  it("orders multi-label answers as the labels are", () => {
    const topics = question({ kind: "multi_label", labels: ["a", "b", "c"] });
    const model = modelOf(topics);
    expect(model.choose(topics, model.choose(topics, ["c"], "a"), "b")).toEqual(["a", "b", "c"]);
    expect(model.choose(topics, ["a", "b"], "a")).toEqual(["b"]);
  });

  it("gives the preference scales their key order", () => {
    expect(preferenceChoices(question({ kind: "preference", options: ["x", "y"], scale: "three_way" }))).toEqual(["x", "tie", "y"]);
    expect(preferenceChoices(question({ kind: "preference", options: ["x", "y"], scale: "five_point" }))).toEqual([-2, -1, 0, 1, 2]);
  });

  it("reads the question out of a server problem", () => {
    expect(questionOfSubject("question 'preference'")).toBe("preference");
    expect(questionOfSubject("field 'prompt'")).toBeNull();
  });

  it("puts a server 400's problems next to the questions they name", () => {
    // The details of POST /api/v1/records/{id}/responses as src/core/response_validation.cc writes them.
    const { byQuestion, other } = problemsByQuestion([
      { subject: "question 'entities'", reason: "span 1 [0, 5) overlaps span 0 [3, 8)" },
      { subject: "question 'entities'", reason: "span 2 [10, 40) ends past the text (length 31)" },
      { subject: "question 'preference'", reason: "required question has no answer" },
      { subject: "", reason: "unknown question 'foo'" },
    ]);
    expect(byQuestion).toEqual({
      entities: "span 1 [0, 5) overlaps span 0 [3, 8); span 2 [10, 40) ends past the text (length 31)",
      preference: "required question has no answer",
    });
    expect(other).toEqual(["unknown question 'foo'"]);
  });

  it("adds spans in order and refuses overlaps unless allowed", () => {
    const spans = [{ start: 5, end: 8, label: "PER" }];
    expect(addSpan(spans, { start: 0, end: 3, label: "LOC" }, false)).toEqual([
      { start: 0, end: 3, label: "LOC" },
      { start: 5, end: 8, label: "PER" },
    ]);
    expect(typeof addSpan(spans, { start: 7, end: 9, label: "LOC" }, false)).toBe("string");
    expect(Array.isArray(addSpan(spans, { start: 7, end: 9, label: "LOC" }, true))).toBe(true);
    expect(Array.isArray(addSpan(spans, { start: 8, end: 9, label: "LOC" }, false))).toBe(true);
  });

  it("moves ranking items", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 0, 5)).toEqual(["a", "b"]);
  });
});
