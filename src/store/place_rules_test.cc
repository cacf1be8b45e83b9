#include "store/place_rules.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

Response Saving(ResponseStatus status) {
  Response response;
  response.record_id = 7;
  response.user_id = 3;
  response.status = status;
  return response;
}

ResponseLimits Overlap(int overlap, bool discards_count = false) {
  ResponseLimits limits;
  limits.overlap = overlap;
  limits.discards_count = discards_count;
  return limits;
}

TEST(PlaceRulesTest, OnlyResponsesThatTakeAPlaceOnALimitedRecordAreChecked) {
  EXPECT_TRUE(ChecksPlaces(Saving(ResponseStatus::kSubmitted), Overlap(3)));
  EXPECT_FALSE(ChecksPlaces(Saving(ResponseStatus::kSubmitted), Overlap(0)));
  EXPECT_FALSE(ChecksPlaces(Saving(ResponseStatus::kDraft), Overlap(3)));
  EXPECT_FALSE(ChecksPlaces(Saving(ResponseStatus::kDiscarded), Overlap(3)));
  EXPECT_TRUE(ChecksPlaces(Saving(ResponseStatus::kDiscarded), Overlap(3, true)));
}

struct PlacesCase {
  const char* name;
  RecordPlaces places;
  bool discards_count;
  bool allowed;
};

TEST(PlaceRulesTest, OthersFillingTheOverlapRefuseTheResponse) {
  const PlacesCase cases[] = {
      {"a free place", {1, 0, false, std::nullopt}, false, true},
      {"full with others", {2, 0, false, std::nullopt}, false, false},
      {"full, one of them the saver's hold", {2, 0, true, std::nullopt}, false, true},
      {"full, one of them the saver's submission", {2, 0, false, ResponseStatus::kSubmitted}, false, true},
      {"the saver's draft takes no place", {2, 0, false, ResponseStatus::kDraft}, false, false},
      {"discards do not count", {1, 5, false, std::nullopt}, false, true},
      {"discards count", {1, 1, false, std::nullopt}, true, false},
      {"the saver's discard counts as theirs", {1, 1, false, ResponseStatus::kDiscarded}, true, true},
  };
  for (const PlacesCase& each : cases) {
    Status checked = CheckPlaces(each.places, Saving(ResponseStatus::kSubmitted), Overlap(2, each.discards_count));
    EXPECT_EQ(checked.ok(), each.allowed) << each.name;
    if (!checked.ok()) {
      EXPECT_EQ(checked.error().code, ErrorCode::kConflict) << each.name;
      EXPECT_NE(checked.error().message.find("record 7"), std::string::npos) << checked.error().message;
    }
  }
}

TEST(PlaceRulesTest, GoldTalliesAreClamped) {
  const GoldTally negative = ClampedGoldTally(-2, -1);
  EXPECT_EQ(negative.answered, 0);
  EXPECT_EQ(negative.correct, 0);
  const GoldTally too_correct = ClampedGoldTally(3, 5);
  EXPECT_EQ(too_correct.answered, 3);
  EXPECT_EQ(too_correct.correct, 3);
  const GoldTally plain = ClampedGoldTally(4, 2);
  EXPECT_EQ(plain.answered, 4);
  EXPECT_EQ(plain.correct, 2);
}

}  // namespace
}  // namespace quorum
