import { describe, expect, it } from "vitest";
import type { FieldSpec, QuestionSpec } from "../../../shared/api/types";
import { recordLayout } from "./layout";
import { rankedListFields, rankingItems, rankingOrder } from "./ranking";

const fields: FieldSpec[] = [
  { name: "prompt", title: "Prompt", kind: "text" },
  { name: "response_1", title: "Response 1", kind: "markdown" },
  { name: "response_2", title: "", kind: "markdown" },
  { name: "items", title: "Search results", kind: "item_list" },
];
const byOptions: QuestionSpec = { name: "order", title: "Order", kind: "ranking", options: ["response_2", "response_1"] };
const byItems: QuestionSpec = { name: "rank", title: "Rank", kind: "ranking", field: "items" };
// Label Studio's List example data, with an integer id as its tasks may carry.
const record = {
  prompt: "Arrow functions?",
  response_1: "one",
  response_2: "two",
  items: [
    { id: "blog", title: "10 tips to write a better function", body: "There is nothing worse..." },
    { id: 7, body: "An arrow function expression is...", html: "<b>MDN</b>" },
    { title: "no id: not rankable" },
  ],
};

describe("ranking items", () => {
  it("ranks the response fields a question's options name", () => {
    expect(rankingItems(byOptions, fields, record)).toEqual([
      { id: "response_2", title: "response_2", text: "two", fromField: true },
      { id: "response_1", title: "Response 1", text: "one", fromField: true },
    ]);
  });

  it("ranks the record's own items of an item_list field, ids as strings", () => {
    expect(rankingItems(byItems, fields, record)).toEqual([
      { id: "blog", title: "10 tips to write a better function", text: "There is nothing worse...", html: undefined, fromField: false },
      { id: "7", title: "7", text: "An arrow function expression is...", html: "<b>MDN</b>", fromField: false },
    ]);
    expect(rankingItems(byItems, fields, { items: "not a list" })).toEqual([]);
  });

  it("shows a saved order only when it ranks exactly the record's items", () => {
    const items = rankingItems(byItems, fields, record);
    expect(rankingOrder(items, undefined)).toEqual(["blog", "7"]);
    expect(rankingOrder(items, ["7", "blog"])).toEqual(["7", "blog"]);
    expect(rankingOrder(items, ["7", "wiki"])).toEqual(["blog", "7"]); // another record's answer
    expect(rankingOrder(items, ["7", "7"])).toEqual(["blog", "7"]);
  });

  it("shows a ranked item list inside its question, not again with the record", () => {
    const schema = { fields, questions: [byItems] };
    expect([...rankedListFields(schema.questions)]).toEqual(["items"]);
    expect(recordLayout(schema).shown.map((field) => field.name)).toEqual(["prompt", "response_1", "response_2"]);
  });
});
