// Test-only: member-by-member comparison of schemas (the core types have no operator==).
#pragma once

#include <gtest/gtest.h>

#include "core/schema.h"

namespace quorum {

inline void ExpectSameSchema(const Schema& actual, const Schema& expected) {
  EXPECT_EQ(actual.label_config, expected.label_config);
  ASSERT_EQ(actual.fields.size(), expected.fields.size());
  for (std::size_t index = 0; index < expected.fields.size(); ++index) {
    SCOPED_TRACE("field " + expected.fields[index].name);
    EXPECT_EQ(actual.fields[index].name, expected.fields[index].name);
    EXPECT_EQ(actual.fields[index].title, expected.fields[index].title);
    EXPECT_EQ(actual.fields[index].kind, expected.fields[index].kind);
    EXPECT_EQ(actual.fields[index].required, expected.fields[index].required);
  }
  ASSERT_EQ(actual.questions.size(), expected.questions.size());
  for (std::size_t index = 0; index < expected.questions.size(); ++index) {
    const QuestionSpec& a = actual.questions[index];
    const QuestionSpec& e = expected.questions[index];
    SCOPED_TRACE("question " + e.name);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.title, e.title);
    EXPECT_EQ(a.description, e.description);
    EXPECT_EQ(a.kind, e.kind);
    EXPECT_EQ(a.required, e.required);
    EXPECT_EQ(a.labels, e.labels);
    EXPECT_EQ(a.values, e.values);
    EXPECT_EQ(a.field, e.field);
    EXPECT_EQ(a.allow_overlap, e.allow_overlap);
    EXPECT_EQ(a.options, e.options);
    EXPECT_EQ(a.scale, e.scale);
  }
  ASSERT_EQ(actual.metadata.size(), expected.metadata.size());
  for (std::size_t index = 0; index < expected.metadata.size(); ++index) {
    const MetadataProperty& a = actual.metadata[index];
    const MetadataProperty& e = expected.metadata[index];
    SCOPED_TRACE("metadata " + e.name);
    EXPECT_EQ(a.name, e.name);
    EXPECT_EQ(a.title, e.title);
    EXPECT_EQ(a.kind, e.kind);
    EXPECT_EQ(a.terms, e.terms);
    EXPECT_EQ(a.min, e.min);
    EXPECT_EQ(a.max, e.max);
  }
}

}  // namespace quorum
