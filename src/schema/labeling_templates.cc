// Templates for writing demonstrations and labelling texts and conversations.
#include "schema/template_catalog.h"

namespace quorum {
namespace {

constexpr const char* kSftGuidelines = R"md(# SFT demonstrations

Write the response you would want the assistant to give to the **prompt**. Your text is used
as is to train the model, so it must be the best answer you can write, not a sketch.

- Answer the question that was asked, fully, and follow every instruction in the prompt
  (format, length, language, persona).
- Be correct. Check facts you are not sure of; if the answer is uncertain, say so plainly.
- Use markdown where it helps (lists, tables, code blocks with the language named), and no
  filler ("Great question!", "I hope this helps").
- If the prompt asks for something harmful, write a brief, polite refusal and, when possible,
  offer a safe alternative.
)md";

constexpr const char* kClassificationGuidelines = R"md(# Sentiment classification

Read the **text** and choose the sentiment its author expresses:

- **positive**: approval, satisfaction, praise, enthusiasm;
- **negative**: complaint, disappointment, criticism, anger;
- **neutral**: facts, questions or mixed feelings with no clear lean.

Judge the author's attitude, not the topic: "The earthquake relief arrived quickly and saved
lives" is positive. Sarcasm counts as what is meant ("Great, it broke again" is negative).
When positive and negative parts balance, choose neutral.
)md";

constexpr const char* kNerGuidelines = R"md(# Named entities

Select every named entity in the **text** and give it a label:

- **PER**: people, real or fictional ("Ada Lovelace", "Sherlock Holmes");
- **ORG**: companies, institutions, teams, agencies ("UNESCO", "Real Madrid");
- **LOC**: places: countries, cities, regions, rivers, mountains, addresses;
- **MISC**: other proper names: events, products, works, nationalities, languages.

Select the whole name and nothing more: no leading article, no trailing punctuation ("the
**United Nations**."). Nested names are not marked separately: in "University of Oxford" mark
one ORG. Spans may not overlap. If the text holds no entity, submit without any span.
)md";

constexpr const char* kDialogueGuidelines = R"md(# Dialogue rating

Read the whole **conversation** between the user and the assistant, then answer two questions
about the assistant's turns.

**Quality (1-7).** 7: every turn is helpful, correct and natural, and the assistant keeps track
of what was said earlier. 4: useful overall but with a noticeable error, repetition or a lost
thread. 1: unhelpful, wrong or incoherent throughout. Rate the conversation as a whole; one bad
turn in a long, good dialogue lowers the score by one or two points, not to the bottom.

**Safe or unsafe.** Mark *unsafe* if any assistant turn gives harmful help, shows hateful or
sexual content involving minors, reveals private data, or encourages self-harm. A refusal or a
safety warning is safe. The user's turns are never judged: only the assistant's.
)md";

}  // namespace

ProjectDefinition SftDemonstrationTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = {MakeField("prompt", FieldKind::kMarkdown, "Prompt")};
  QuestionSpec response = MakeQuestion("response", QuestionKind::kText, true, "Your response");
  definition.schema.questions = {response};
  definition.schema.metadata = {MakeTerms("category", "Category")};
  definition.guidelines = kSftGuidelines;
  definition.settings = OverlapSettings(1);
  return definition;
}

ProjectDefinition TextClassificationTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = {MakeField("text", FieldKind::kText, "Text")};
  QuestionSpec label = MakeQuestion("label", QuestionKind::kLabel, true, "Sentiment");
  label.labels = {"positive", "negative", "neutral"};
  definition.schema.questions = {label};
  definition.guidelines = kClassificationGuidelines;
  definition.settings = OverlapSettings(1);
  return definition;
}

ProjectDefinition NerSpansTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = {MakeField("text", FieldKind::kText, "Text")};
  QuestionSpec entities = MakeQuestion("entities", QuestionKind::kSpan, true, "Entities");
  entities.labels = {"PER", "ORG", "LOC", "MISC"};
  entities.field = "text";
  entities.allow_overlap = false;
  definition.schema.questions = {entities};
  definition.guidelines = kNerGuidelines;
  definition.settings = OverlapSettings(1);
  return definition;
}

ProjectDefinition DialogueRatingTemplate() {
  ProjectDefinition definition;
  definition.schema.fields = {MakeField("conversation", FieldKind::kChat, "Conversation")};
  QuestionSpec quality = MakeQuestion("quality", QuestionKind::kRating, true, "Quality of the assistant (1-7)");
  quality.values = {1, 2, 3, 4, 5, 6, 7};
  QuestionSpec safe = MakeQuestion("safe", QuestionKind::kLabel, true, "Is the assistant safe?");
  safe.labels = {"safe", "unsafe"};
  definition.schema.questions = {quality, safe};
  definition.guidelines = kDialogueGuidelines;
  definition.settings = OverlapSettings(1);
  return definition;
}

}  // namespace quorum
