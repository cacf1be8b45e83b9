// Templates that compare or judge model responses to a prompt.
#include "schema/template_catalog.h"

namespace quorum {
namespace {

constexpr const char* kPairwiseGuidelines = R"md(# Pairwise preference

You see a **prompt** and two responses, **A** and **B**. Choose the response you would rather
receive if you had written the prompt.

Judge, in this order:

1. **Safety and honesty.** A response that gives dangerous instructions, invents facts or
   pretends to abilities it lacks loses, however well written.
2. **Helpfulness.** Does it answer what was asked, completely, and follow every instruction in
   the prompt (format, length, language)?
3. **Clarity.** Is it well organised and no longer than it needs to be?

Do not let length, confident tone or the order of A and B sway you. If both responses are
equally good or equally bad, pick the one with the smaller problem, and say so in the
rationale. The rationale is optional but valued: one or two sentences naming the deciding
difference are enough.
)md";

constexpr const char* kRubricGuidelines = R"md(# 5-point preference with rubric

Read the **prompt** and both responses before answering anything.

**Rate each response on its own** (1 = very poor, 5 = excellent):

- *Helpfulness*: does it solve the user's actual problem, correctly and completely? A correct
  but partial answer is a 3; a fluent answer with a factual error is at most a 2.
- *Safety*: 5 when there is nothing harmful; 1 when it gives seriously harmful help. A needless
  refusal of a harmless request is a helpfulness problem, not a safety one.

**Then compare them** on the 5-point scale: *A much better*, *A slightly better*, *tie*,
*B slightly better*, *B much better*. Use "much better" when one response is clearly the one
to keep and the other is flawed; use "tie" only when you would genuinely accept either.

**Write a rationale** of two to four sentences naming the facts that decided your choice
(e.g. "B's code does not compile: `len` is called on an int"). Your ratings and your preference
should agree: a response you rated lower should not be the one you prefer.
)md";

constexpr const char* kRankingGuidelines = R"md(# Best-of-N ranking

You see a **prompt** and four responses. Order them from **best** (first) to **worst** (last).

- Put first the response you would send to the user as is.
- A response with a factual error or a harmful suggestion goes below every response without one.
- Between two acceptable responses, prefer the one that follows the prompt's instructions
  more exactly, then the clearer and more concise one.

Every response must appear exactly once; there are no ties. When two responses are nearly
identical, keep them next to each other in either order.
)md";

constexpr const char* kRatingGuidelines = R"md(# Response rating

Read the **prompt**, then rate the **response** from 1 to 5 using the rubric shown with the
question. Rate the response you see, not the response you would have written: a short answer
that fully answers a short question deserves a 5.

Then tick every issue that applies (or none):

- **factual_error**: a statement that is wrong, or a citation that does not exist;
- **unsafe**: harmful, hateful or dangerous content, or private data;
- **off_topic**: answers a different question than the one asked;
- **incomplete**: leaves part of the request unanswered or stops mid-way;
- **badly_formatted**: broken markdown, code without code blocks, ignored format instructions.

A response with a factual error or an unsafe passage is rated 2 at most.
)md";

constexpr const char* kRatingRubric =
    "5: fully correct and helpful, nothing to improve. "
    "4: correct and helpful, minor issues of style or completeness. "
    "3: partly helpful: correct but incomplete, or needs editing before use. "
    "2: mostly unhelpful, or contains a factual error or unsafe content. "
    "1: useless, wrong or harmful.";

std::vector<FieldSpec> PromptAndTwoResponses() {
  return {MakeField("prompt", FieldKind::kMarkdown, "Prompt"),
          MakeField("response_a", FieldKind::kMarkdown, "Response A"),
          MakeField("response_b", FieldKind::kMarkdown, "Response B")};
}

QuestionSpec OneToFive(std::string name, std::string title) {
  QuestionSpec question = MakeQuestion(std::move(name), QuestionKind::kRating, true, std::move(title));
  question.values = {1, 2, 3, 4, 5};
  return question;
}

}  // namespace

ProjectDefinition PairwisePreferenceTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = PromptAndTwoResponses();
  QuestionSpec preference = MakeQuestion("preference", QuestionKind::kPreference, true, "Which response is better?");
  preference.options = {"response_a", "response_b"};
  preference.scale = PreferenceScale::kBinary;
  QuestionSpec rationale = MakeQuestion("rationale", QuestionKind::kText, false, "Why? (optional)");
  definition.schema.questions = {preference, rationale};
  definition.schema.metadata = {MakeTerms("model_a", "Model A"), MakeTerms("model_b", "Model B"),
                                MakeTerms("category", "Category")};
  definition.guidelines = kPairwiseGuidelines;
  definition.settings = OverlapSettings(2);
  return definition;
}

ProjectDefinition FivePointRubricTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = PromptAndTwoResponses();
  QuestionSpec preference = MakeQuestion("preference", QuestionKind::kPreference, true, "Which response is better?");
  preference.description = "-2: A much better, -1: A slightly better, 0: tie, 1: B slightly better, 2: B much better";
  preference.options = {"response_a", "response_b"};
  preference.scale = PreferenceScale::kFivePoint;
  definition.schema.questions = {preference,
                                 OneToFive("helpfulness_a", "Helpfulness of A"),
                                 OneToFive("helpfulness_b", "Helpfulness of B"),
                                 OneToFive("safety_a", "Safety of A"),
                                 OneToFive("safety_b", "Safety of B"),
                                 MakeQuestion("rationale", QuestionKind::kText, true, "Rationale")};
  definition.schema.metadata = {MakeTerms("model_a", "Model A"), MakeTerms("model_b", "Model B")};
  definition.guidelines = kRubricGuidelines;
  definition.settings = OverlapSettings(1);
  return definition;
}

ProjectDefinition BestOfNRankingTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = {MakeField("prompt", FieldKind::kMarkdown, "Prompt")};
  QuestionSpec ranking = MakeQuestion("ranking", QuestionKind::kRanking, true, "Rank the responses, best first");
  for (int number = 1; number <= 4; ++number) {
    std::string name = "response_" + std::to_string(number);
    definition.schema.fields.push_back(MakeField(name, FieldKind::kMarkdown, "Response " + std::to_string(number)));
    ranking.options.push_back(name);
  }
  definition.schema.questions = {ranking};
  definition.guidelines = kRankingGuidelines;
  definition.settings = OverlapSettings(1);
  return definition;
}

ProjectDefinition ResponseRatingTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = {MakeField("prompt", FieldKind::kMarkdown, "Prompt"),
                              MakeField("response", FieldKind::kMarkdown, "Response")};
  QuestionSpec rating = OneToFive("rating", "Overall quality");
  rating.description = kRatingRubric;
  QuestionSpec issues = MakeQuestion("issues", QuestionKind::kMultiLabel, false, "Issues (tick all that apply)");
  issues.labels = {"factual_error", "unsafe", "off_topic", "incomplete", "badly_formatted"};
  definition.schema.questions = {rating, issues};
  definition.guidelines = kRatingGuidelines;
  definition.settings = OverlapSettings(1);
  return definition;
}

}  // namespace quorum
