#include "domain/time.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(Time, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso8601(1'795'251'600'123), "2026-11-21T09:00:00.123Z");
}

TEST(Time, ParsesWhatItFormats) {
  for (std::int64_t ms : {0LL, 1'795'251'600'123LL, 951'782'400'000LL})
    EXPECT_EQ(parse_iso8601(format_iso8601(ms)), ms);
}

TEST(Time, AppliesOffsets) {
  EXPECT_EQ(parse_iso8601("2026-11-21T10:00:00+01:00"), parse_iso8601("2026-11-21T09:00:00Z"));
  EXPECT_EQ(parse_iso8601("2026-11-21T04:30:00-04:30"), parse_iso8601("2026-11-21T09:00:00Z"));
}

TEST(Time, DateAloneIsMidnightUtc) { EXPECT_EQ(parse_iso8601("2026-11-21"), parse_iso8601("2026-11-21T00:00:00Z")); }

TEST(Time, RejectsImpossibleOrMalformedTimes) {
  for (const char* bad : {"2026-02-30", "2026-13-01", "2026-11-21T24:00:00Z", "2026-11-21T09:00:00",
                          "2026-11-21T09:00:00.Z", "21/11/2026", "", "2026-11-21T09:00:00+1:00"})
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
}

TEST(Time, LeapDayExistsOnlyInLeapYears) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2025-02-29"));
  EXPECT_FALSE(parse_date("1900-02-29"));
  EXPECT_TRUE(parse_date("2000-02-29"));
}

TEST(Time, AgeCountsWholeYearsAndTheBirthdayItself) {
  Date birth{1990, 6, 15};
  EXPECT_EQ(age_in_years(birth, {2026, 6, 14}), 35);
  EXPECT_EQ(age_in_years(birth, {2026, 6, 15}), 36);
}

TEST(Time, LeapDayBirthdayCountsOnFirstMarch) {
  Date birth{2008, 2, 29};
  EXPECT_EQ(age_in_years(birth, {2026, 2, 28}), 17);
  EXPECT_EQ(age_in_years(birth, {2026, 3, 1}), 18);
}

TEST(Time, DateOfAnInstantIsItsUtcDay) {
  EXPECT_EQ(date_of(1'795'251'600'000), (Date{2026, 11, 21}));
  EXPECT_EQ(format_date({2026, 1, 5}), "2026-01-05");
}

TEST(Time, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(add_days({2026, 1, 31}, 1), (Date{2026, 2, 1}));
  EXPECT_EQ(add_days({2026, 12, 31}, 1), (Date{2027, 1, 1}));
  EXPECT_EQ(add_days({2027, 1, 1}, -1), (Date{2026, 12, 31}));
  EXPECT_EQ(add_days({2026, 3, 2}, 0), (Date{2026, 3, 2}));
  EXPECT_EQ(add_days({2026, 3, 2}, 28), (Date{2026, 3, 30}));
  EXPECT_EQ(add_days({1970, 1, 1}, 20'778), (Date{2026, 11, 21}));
}

TEST(Time, AddDaysKnowsLeapYears) {
  EXPECT_EQ(add_days({2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_days({2025, 2, 28}, 1), (Date{2025, 3, 1}));
  EXPECT_EQ(add_days({2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_days({1900, 2, 28}, 1), (Date{1900, 3, 1}));
  EXPECT_EQ(add_days({2000, 2, 28}, 1), (Date{2000, 2, 29}));
  EXPECT_EQ(add_days({2024, 1, 1}, 366), (Date{2025, 1, 1}));
}

TEST(Time, DaysBetweenCountsWholeDaysEitherWay) {
  EXPECT_EQ(days_between({2026, 3, 2}, {2026, 3, 2}), 0);
  EXPECT_EQ(days_between({2026, 1, 31}, {2026, 2, 1}), 1);
  EXPECT_EQ(days_between({2026, 2, 1}, {2026, 1, 31}), -1);
  EXPECT_EQ(days_between({2026, 12, 31}, {2027, 1, 1}), 1);
  EXPECT_EQ(days_between({2024, 1, 1}, {2025, 1, 1}), 366);
  EXPECT_EQ(days_between({2025, 1, 1}, {2026, 1, 1}), 365);
  EXPECT_EQ(days_between({2024, 2, 28}, {2024, 3, 1}), 2);
  EXPECT_EQ(days_between({2025, 2, 28}, {2025, 3, 1}), 1);
  EXPECT_EQ(days_between({1970, 1, 1}, date_of(1'795'251'600'000)), 20'778);
}

TEST(Time, AddDaysUndoesDaysBetween) {
  const Date from{2023, 11, 15};
  for (const Date& to : {Date{2024, 2, 29}, Date{2019, 3, 1}, Date{2030, 12, 31}})
    EXPECT_EQ(add_days(from, days_between(from, to)), to);
}

}  // namespace
}  // namespace kc
