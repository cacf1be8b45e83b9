// Which view shows each question kind: one entry per kind, checked by the compiler.
import type { FunctionComponent } from "preact";
import type { QuestionKind } from "../../../../shared/api/types";
import { ChoiceQuestion } from "./ChoiceQuestion";
import { PreferenceQuestion } from "./PreferenceQuestion";
import { RankingQuestion } from "./RankingQuestion";
import { SpanQuestion } from "./SpanQuestion";
import { TextQuestion } from "./TextQuestion";
import type { QuestionProps } from "./props";

export const kQuestionViews: Record<QuestionKind, FunctionComponent<QuestionProps>> = {
  label: ChoiceQuestion,
  multi_label: ChoiceQuestion,
  rating: ChoiceQuestion,
  text: TextQuestion,
  span: SpanQuestion,
  ranking: RankingQuestion,
  preference: PreferenceQuestion,
};
