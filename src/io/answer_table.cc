#include "io/answer_table.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>

#include "core/validation.h"
#include "quality/gold_accuracy.h"

namespace quorum {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <class Value>
using StringMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// simdjson needs SIMDJSON_PADDING readable bytes after the text; the store's views have none,
// so each text is copied into one buffer that only ever grows (no allocation per response).
class PaddedParser {
 public:
  simdjson::error_code Parse(std::string_view text, element& out) {
    if (buffer_.size() < text.size() + simdjson::SIMDJSON_PADDING) buffer_.resize(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer_.data(), text.data(), text.size());
    return parser_.parse(buffer_.data(), text.size(), false).get(out);
  }

 private:
  simdjson::dom::parser parser_;
  std::string buffer_;
};

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

// IsEmptyAnswer on a simdjson value, without building a document for values that can never be
// empty (numbers, objects, non-blank strings, non-empty arrays).
bool IsEmpty(const QuestionSpec& question, element value) {
  switch (value.type()) {
    case element_type::NULL_VALUE: return IsEmptyAnswer(question, nullptr);
    case element_type::STRING: {
      std::string_view text = value.get_string().value_unsafe();
      return IsBlank(text) && IsEmptyAnswer(question, std::string(text));
    }
    case element_type::ARRAY:
      return value.get_array().value_unsafe().size() == 0 && IsEmptyAnswer(question, nlohmann::json::array());
    default: return false;
  }
}

std::optional<double> NumberOf(element value) {
  switch (value.type()) {
    case element_type::INT64: return static_cast<double>(value.get_int64().value_unsafe());
    case element_type::UINT64: return static_cast<double>(value.get_uint64().value_unsafe());
    case element_type::DOUBLE: return value.get_double().value_unsafe();
    default: return std::nullopt;
  }
}

std::optional<int64_t> IntegerOf(element value) {
  if (value.type() == element_type::INT64) return value.get_int64().value_unsafe();
  if (value.type() == element_type::UINT64) return static_cast<int64_t>(value.get_uint64().value_unsafe());
  return std::nullopt;
}

constexpr int32_t kEmpty = -2;
constexpr int32_t kUnreadable = -1;

// Turns one question's answers into codes of `target`'s dictionaries.
class QuestionCoder {
 public:
  explicit QuestionCoder(QuestionAnswers& target) : target_(target), spec_(target.question) {
    for (size_t index = 0; index < spec_.labels.size(); ++index) labels_.emplace(spec_.labels[index], static_cast<int32_t>(index));
    for (size_t index = 0; index < spec_.options.size(); ++index) options_.emplace(spec_.options[index], static_cast<int32_t>(index));
    if (IsScaled(spec_)) {
      target_.scale = *ScaleFor(spec_);
      for (size_t index = 0; index < target_.scale.names.size(); ++index)
        names_.emplace(target_.scale.names[index], static_cast<int32_t>(index));
    }
  }

  const std::string& name() const { return spec_.name; }

  // The code of `value`; kEmpty when it is no answer, kUnreadable (with `why`) when it does not
  // fit the question.
  int32_t Code(element value, std::string& why) {
    if (IsEmpty(spec_, value)) return kEmpty;
    switch (spec_.kind) {
      case QuestionKind::kLabel: return Lookup(labels_, value, "a label", why);
      case QuestionKind::kRating: {
        std::optional<double> number = NumberOf(value);
        const std::vector<double>& values = target_.scale.values;
        auto it = number ? std::lower_bound(values.begin(), values.end(), *number) : values.end();
        if (it != values.end() && *it == *number) return static_cast<int32_t>(it - values.begin());
        return Unreadable("not one of the rating values", why);
      }
      case QuestionKind::kPreference: {
        if (spec_.scale != PreferenceScale::kFivePoint) return Lookup(names_, value, "an option", why);
        std::optional<double> number = NumberOf(value);
        if (number && *number >= -2 && *number <= 2 && *number == static_cast<int>(*number))
          return static_cast<int32_t>(*number) + 2;
        return Unreadable("not on the five_point scale", why);
      }
      case QuestionKind::kMultiLabel: return CodeLabelSet(value, why);
      case QuestionKind::kSpan: return CodeSpans(value, why);
      case QuestionKind::kRanking: return CodeRanking(value, why);
      case QuestionKind::kText: {
        if (value.type() != element_type::STRING) return Unreadable("not a string", why);
        auto [it, inserted] = texts_.try_emplace(TextHash{}(value.get_string().value_unsafe()), next_text_);
        if (inserted) ++next_text_;
        return it->second;
      }
    }
    return Unreadable("unknown question kind", why);
  }

  // Sets the code space once everything is read.
  void Finish() {
    int32_t codes = 0;
    switch (spec_.kind) {
      case QuestionKind::kMultiLabel: codes = static_cast<int32_t>(target_.label_sets.size()); break;
      case QuestionKind::kSpan: codes = static_cast<int32_t>(target_.span_lists.size()); break;
      case QuestionKind::kRanking: codes = static_cast<int32_t>(target_.rankings.size()); break;
      case QuestionKind::kText: codes = next_text_; break;
      default: codes = target_.scale.code_count(); break;
    }
    target_.answers.set_code_count(std::max(codes, target_.answers.code_count()));
  }

 private:
  static int32_t Unreadable(const char* reason, std::string& why) {
    why = reason;
    return kUnreadable;
  }

  int32_t Lookup(const StringMap<int32_t>& map, element value, const char* what, std::string& why) {
    if (value.type() != element_type::STRING) return Unreadable("expected a string", why);
    auto it = map.find(value.get_string().value_unsafe());
    if (it != map.end()) return it->second;
    why = "'" + std::string(value.get_string().value_unsafe()) + "' is not " + what + " of the question";
    return kUnreadable;
  }

  // The code of the structure in key_ (its bytes), adding `add` to the dictionary when new.
  template <class Add>
  int32_t Intern(StringMap<int32_t>& seen, int32_t size, Add add) {
    auto it = seen.find(std::string_view(key_));
    if (it != seen.end()) return it->second;
    seen.emplace(key_, size);
    add();
    return size;
  }

  int32_t CodeLabelSet(element value, std::string& why) {
    if (value.type() != element_type::ARRAY) return Unreadable("expected an array of labels", why);
    indices_.clear();
    const simdjson::dom::array items = value.get_array().value_unsafe();  // a named view: see json_convert.cc
    for (element item : items) {
      const int32_t label = Lookup(labels_, item, "a label", why);
      if (label < 0) return kUnreadable;
      indices_.push_back(label);
    }
    std::sort(indices_.begin(), indices_.end());
    indices_.erase(std::unique(indices_.begin(), indices_.end()), indices_.end());
    key_.assign(reinterpret_cast<const char*>(indices_.data()), indices_.size() * sizeof(int32_t));
    return Intern(seen_, static_cast<int32_t>(target_.label_sets.size()), [&] { target_.label_sets.push_back(indices_); });
  }

  int32_t CodeSpans(element value, std::string& why) {
    if (value.type() != element_type::ARRAY) return Unreadable("expected an array of spans", why);
    spans_.clear();
    const simdjson::dom::array items = value.get_array().value_unsafe();  // a named view: see json_convert.cc
    for (element item : items) {
      if (item.type() != element_type::OBJECT) return Unreadable("expected span objects", why);
      std::optional<int64_t> start, end;
      int32_t label = kUnreadable;
      const simdjson::dom::object fields = item.get_object().value_unsafe();
      for (auto field : fields) {
        if (field.key == "start") start = IntegerOf(field.value);
        else if (field.key == "end") end = IntegerOf(field.value);
        else if (field.key == "label") label = Lookup(labels_, field.value, "a label", why);
      }
      if (!start || !end || label < 0) return why.empty() ? Unreadable("a span lacks start, end or label", why) : kUnreadable;
      spans_.push_back(LabelledSpan{*start, *end, label});
    }
    std::sort(spans_.begin(), spans_.end());
    key_.clear();
    for (const LabelledSpan& span : spans_) {
      key_.append(reinterpret_cast<const char*>(&span.start), sizeof span.start);
      key_.append(reinterpret_cast<const char*>(&span.end), sizeof span.end);
      key_.append(reinterpret_cast<const char*>(&span.label), sizeof span.label);
    }
    return Intern(seen_, static_cast<int32_t>(target_.span_lists.size()), [&] { target_.span_lists.push_back(spans_); });
  }

  // A ranking of an item_list field names the record's items, so its ids are interned as they
  // come (validation checked each answer against its record when it was stored).
  int32_t ItemIndex(element item, std::string& why) {
    if (item.type() != element_type::STRING) return Unreadable("expected item ids", why);
    const std::string_view id = item.get_string().value_unsafe();
    auto it = items_.find(id);
    if (it != items_.end()) return it->second;
    const auto index = static_cast<int32_t>(target_.ranked_items.size());
    items_.emplace(std::string(id), index);
    target_.ranked_items.emplace_back(id);
    return index;
  }

  int32_t CodeRanking(element value, std::string& why) {
    if (value.type() != element_type::ARRAY) return Unreadable("expected an array of options", why);
    const bool ranks_items = !spec_.field.empty();
    indices_.clear();
    const simdjson::dom::array items = value.get_array().value_unsafe();  // a named view: see json_convert.cc
    for (element item : items) {
      const int32_t option = ranks_items ? ItemIndex(item, why) : Lookup(options_, item, "an option", why);
      if (option < 0) return kUnreadable;
      indices_.push_back(option);
    }
    std::vector<int32_t> sorted = indices_;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end() ||
        (!ranks_items && sorted.size() != spec_.options.size()))
      return Unreadable(ranks_items ? "a ranking lists an item twice" : "a ranking must list every option once", why);
    key_.assign(reinterpret_cast<const char*>(indices_.data()), indices_.size() * sizeof(int32_t));
    return Intern(seen_, static_cast<int32_t>(target_.rankings.size()), [&] { target_.rankings.push_back(indices_); });
  }

  QuestionAnswers& target_;
  const QuestionSpec& spec_;
  StringMap<int32_t> labels_, options_, names_, items_;
  StringMap<int32_t> seen_;  // structure bytes -> code (multi_label, span, ranking)
  std::unordered_map<size_t, int32_t> texts_;
  int32_t next_text_ = 0;
  std::string key_;
  std::vector<int32_t> indices_;
  std::vector<LabelledSpan> spans_;
};

class TableBuilder final : public ProjectVisitor {
 public:
  TableBuilder(AnswerTable& table, const AnswerTableOptions& options, bool with_models)
      : table_(table), options_(options), with_models_(with_models) {
    coders_.reserve(table_.questions.size());
    for (QuestionAnswers& question : table_.questions) coders_.emplace_back(question);
  }

  Status OnRecord(const RecordView& record, std::span<const SuggestionView> suggestions,
                  std::span<const ResponseView> responses) override {
    const int64_t item = table_.item_count();
    table_.record_ids.push_back(record.id);
    table_.AddExternalId(record.external_id);
    for (QuestionAnswers& question : table_.questions) {
      question.answers.StartItem();
      question.gold.push_back(kNoCode);
      question.suggestions.push_back(kNoCode);
    }
    if (record.gold_json.size() > 2) ReadGold(record, item);
    if (with_models_) ReadModels(record);
    for (const SuggestionView& suggestion : suggestions) ReadSuggestion(record, suggestion, item);
    for (const ResponseView& response : responses) ReadResponse(record, response);
    return OkStatus();
  }

  void Finish() {
    for (QuestionCoder& coder : coders_) coder.Finish();
    for (QuestionAnswers& question : table_.questions)
      question.answers.set_annotator_count(static_cast<int32_t>(table_.annotator_user_ids.size()));
  }

 private:
  void Problem(const RecordView& record, const std::string& question, const std::string& reason) {
    ++table_.unreadable;
    if (table_.problems.size() >= options_.max_problems) return;
    const std::string location = record.external_id.empty() ? "record " + std::to_string(record.id)
                                                            : "record " + std::string(record.external_id);
    table_.problems.push_back(quorum::Problem{location, "question '" + question + "'", reason});
  }

  // The code of `value` for question `index`, or a negative value (reported when unreadable).
  int32_t CodeOf(size_t index, element value, const RecordView& record, const char* what) {
    why_.clear();
    const int32_t code = coders_[index].Code(value, why_);
    if (code == kUnreadable) Problem(record, coders_[index].name(), std::string(what) + ": " + why_);
    return code;
  }

  void ReadGold(const RecordView& record, int64_t item) {
    element gold;
    if (parser_.Parse(record.gold_json, gold) || gold.type() != element_type::OBJECT) return;
    for (size_t index = 0; index < coders_.size(); ++index) {
      element value;
      if (gold.get_object().value_unsafe().at_key(coders_[index].name()).get(value)) continue;
      const int32_t code = CodeOf(index, value, record, "gold answer");
      if (code >= 0) table_.questions[index].gold[static_cast<size_t>(item)] = code;
    }
  }

  void ReadModels(const RecordView& record) {
    element metadata;
    int32_t model_a = -1, model_b = -1;
    if (!parser_.Parse(record.metadata_json, metadata) && metadata.type() == element_type::OBJECT) {
      model_a = ModelIndex(metadata, options_.model_a_key);
      model_b = ModelIndex(metadata, options_.model_b_key);
    }
    table_.model_a.push_back(model_a);
    table_.model_b.push_back(model_b);
  }

  int32_t ModelIndex(element metadata, const std::string& key) {
    std::string_view name;
    if (metadata.get_object().value_unsafe().at_key(key).get(name)) return -1;
    auto [it, inserted] = model_index_.try_emplace(std::string(name), static_cast<int32_t>(table_.models.size()));
    if (inserted) table_.models.emplace_back(name);
    return it->second;
  }

  void ReadSuggestion(const RecordView& record, const SuggestionView& suggestion, int64_t item) {
    for (size_t index = 0; index < coders_.size(); ++index) {
      if (coders_[index].name() != suggestion.question) continue;
      int32_t& slot = table_.questions[index].suggestions[static_cast<size_t>(item)];
      element value;
      if (slot != kNoCode || parser_.Parse(suggestion.value_json, value)) return;  // the first suggestion counts
      const int32_t code = CodeOf(index, value, record, "suggestion");
      if (code >= 0) slot = code;
      return;
    }
  }

  void ReadResponse(const RecordView& record, const ResponseView& response) {
    const bool reviewed_out = (options_.drop_rejected && response.review == ReviewVerdict::kRejected) ||
                              (options_.only_accepted && response.review != ReviewVerdict::kAccepted);
    if (response.status != ResponseStatus::kSubmitted || reviewed_out) {
      ++table_.skipped;
      return;
    }
    ++table_.submitted;
    const int32_t annotator = AnnotatorIndex(response);
    table_.times_ms[static_cast<size_t>(annotator)].push_back(response.time_spent_ms);
    // Responses repeat ({"preference":"response_a"} a million times): short texts that coded
    // cleanly are remembered, and a repeat costs one hash lookup instead of a parse.
    const std::string_view text = response.values_json;
    const bool memorable = text.size() <= kMemoTextLimit;
    if (memorable) {
      if (auto it = memo_.find(text); it != memo_.end()) {
        for (const auto& [index, code] : it->second) table_.questions[static_cast<size_t>(index)].answers.Add(annotator, code);
        return;
      }
    }
    element values;
    if (parser_.Parse(text, values) || values.type() != element_type::OBJECT) {
      Problem(record, "*", "a response's values are not a JSON object");
      return;
    }
    coded_.clear();
    bool clean = true;
    const simdjson::dom::object fields = values.get_object().value_unsafe();
    for (auto field : fields) {
      for (size_t index = 0; index < coders_.size(); ++index) {
        if (field.key != coders_[index].name()) continue;
        const int32_t code = CodeOf(index, field.value, record, "answer");
        clean = clean && code != kUnreadable;
        if (code >= 0) {
          table_.questions[index].answers.Add(annotator, code);
          coded_.emplace_back(static_cast<int32_t>(index), code);
        }
        break;
      }
    }
    if (memorable && clean && memo_.size() < kMemoEntries) memo_.emplace(std::string(text), coded_);
  }

  int32_t AnnotatorIndex(const ResponseView& response) {
    auto [it, inserted] = annotator_index_.try_emplace(response.user_id, static_cast<int32_t>(table_.annotator_user_ids.size()));
    if (inserted) {
      table_.annotator_user_ids.push_back(response.user_id);
      table_.annotator_emails.emplace_back(response.user_email);
      table_.times_ms.emplace_back();
      for (QuestionAnswers& question : table_.questions)
        question.answers.set_annotator_count(static_cast<int32_t>(table_.annotator_user_ids.size()));
    }
    return it->second;
  }

  AnswerTable& table_;
  const AnswerTableOptions& options_;
  const bool with_models_;
  std::vector<QuestionCoder> coders_;
  PaddedParser parser_;
  std::string why_;
  std::unordered_map<int64_t, int32_t> annotator_index_;
  StringMap<int32_t> model_index_;
  // values_json -> the (question, code) pairs it codes to; see ReadResponse.
  static constexpr size_t kMemoTextLimit = 256;
  static constexpr size_t kMemoEntries = 4096;
  StringMap<std::vector<std::pair<int32_t, int32_t>>> memo_;
  std::vector<std::pair<int32_t, int32_t>> coded_;
};

// Puts the questions `options` asks for into `table`; returns whether models are read.
bool AddQuestions(const Project& project, const AnswerTableOptions& options, AnswerTable& table) {
  bool with_models = false;
  for (const QuestionSpec& question : project.schema.questions) {
    const bool wanted = options.questions.empty() ||
                        std::find(options.questions.begin(), options.questions.end(), question.name) != options.questions.end();
    if (!wanted) continue;
    QuestionAnswers answers;
    answers.question = question;
    table.questions.push_back(std::move(answers));
    with_models = with_models || (options.with_models && question.kind == QuestionKind::kPreference && question.options.size() == 2);
  }
  return with_models;
}

}  // namespace

Result<AnswerTable> LoadAnswerTable(Store& store, const Project& project, const AnswerTableOptions& options) {
  AnswerTable table;
  table.project_id = project.id;
  for (const std::string& name : options.questions)
    if (project.schema.FindQuestion(name) == nullptr)
      return MakeError(ErrorCode::kInvalid, "project " + std::to_string(project.id) + " has no question '" + name + "'");
  const bool with_models = AddQuestions(project, options, table);
  QUORUM_ASSIGN_OR_RETURN(int64_t records, store.CountRecords(project.id));
  table.record_ids.reserve(static_cast<size_t>(records));
  for (QuestionAnswers& question : table.questions) {
    question.answers.Reserve(records, records * 3);
    question.gold.reserve(static_cast<size_t>(records));
    question.suggestions.reserve(static_cast<size_t>(records));
  }
  // The coders hold references into table.questions: it must not grow from here on.
  TableBuilder builder(table, options, with_models);
  // Answers need neither the record fields nor the revision history (most of the bytes), and
  // the few annotators' emails are looked up once at the end rather than joined to every row.
  ScanParts parts;
  parts.fields = false;
  parts.revisions = false;
  parts.emails = false;
  QUORUM_RETURN_IF_ERROR(store.ScanProject(project.id, builder, parts));
  builder.Finish();
  for (size_t index = 0; index < table.annotator_user_ids.size(); ++index) {
    QUORUM_ASSIGN_OR_RETURN(User user, store.GetUser(table.annotator_user_ids[index]));
    table.annotator_emails[index] = user.email;
  }
  return table;
}

GoldTally GradeAgainstGold(const Project& project, std::string_view gold_json, std::string_view values_json) {
  // A one-record, one-response table: the same coding as a project scan, then the reports' own
  // comparison, so the engine and `quorum annotators` never disagree on what is correct.
  AnswerTable table;
  table.project_id = project.id;
  const AnswerTableOptions options;
  AddQuestions(project, options, table);
  TableBuilder builder(table, options, false);
  RecordView record;
  record.gold_json = gold_json;
  ResponseView response;
  response.values_json = values_json;
  response.status = ResponseStatus::kSubmitted;
  if (!builder.OnRecord(record, {}, std::span<const ResponseView>(&response, 1)).ok()) return {};
  builder.Finish();
  std::vector<GoldAccuracy> sums;
  for (const QuestionAnswers& question : table.questions) AddGoldAccuracy(sums, GoldAccuracyOf(question.answers, question.gold));
  if (sums.empty()) return {};
  return GoldTally{sums[0].total, sums[0].correct};
}

ReportNames ReportNamesOf(const AnswerTable& table) {
  ReportNames names;
  names.annotators = table.annotator_emails;
  names.record = [&table](int64_t item) {
    return nlohmann::json{{"record_id", table.record_ids[static_cast<size_t>(item)]},
                          {"external_id", std::string(table.external_id(item))}};
  };
  return names;
}

}  // namespace quorum
