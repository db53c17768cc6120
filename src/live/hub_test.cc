#include "live/hub.h"

#include <gtest/gtest.h>

#include "live/connection.h"

namespace kc::live {
namespace {

const app::ClinicId kA{"cln_a"}, kB{"cln_b"};

app::LiveEvent ev(std::string type, std::string data = "{}") {
  return {std::move(type), std::move(data), Action::measures_read, 1'795'000'000'000};
}

struct Received {
  std::vector<SequencedEvent> events;
  Hub::Deliver deliver() {
    return [this](const SequencedEvent& e) { events.push_back(e); };
  }
};

TEST(LiveHub, EachClinicHasItsOwnSequenceAndSubscribers) {
  Hub hub("s1");
  Received a, b;
  CatchUp c;
  hub.subscribe(kA, "", 0, a.deliver(), c);
  EXPECT_FALSE(c.resync);
  EXPECT_EQ(c.latest_seq, 0);
  hub.subscribe(kB, "", 0, b.deliver(), c);
  hub.publish(kA, ev("task.raised"));
  hub.publish(kA, ev("task.acknowledged"));
  hub.publish(kB, ev("task.raised"));
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[0].seq, 1);
  EXPECT_EQ(a.events[1].seq, 2);
  EXPECT_EQ(a.events[1].event.type, "task.acknowledged");
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].seq, 1) << "clinic B's events are B's alone";
  EXPECT_EQ(hub.subscribers(), 2u);
}

TEST(LiveHub, AReconnectReceivesWhatItMissedThenLiveOnes) {
  Hub hub("s1");
  for (int i = 0; i < 5; ++i) hub.publish(kA, ev("e" + std::to_string(i + 1)));
  Received r;
  CatchUp c;
  hub.subscribe(kA, "s1", 3, r.deliver(), c);
  EXPECT_FALSE(c.resync);
  EXPECT_EQ(c.latest_seq, 5);
  ASSERT_EQ(c.missed.size(), 2u);
  EXPECT_EQ(c.missed[0].seq, 4);
  EXPECT_EQ(c.missed[1].event.type, "e5");
  hub.publish(kA, ev("e6"));
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].seq, 6);

  CatchUp up_to_date;
  hub.subscribe(kA, "s1", 6, r.deliver(), up_to_date);
  EXPECT_FALSE(up_to_date.resync);
  EXPECT_TRUE(up_to_date.missed.empty());
}

TEST(LiveHub, AskingForWhatIsNoLongerHeldOrAnotherStreamMeansResync) {
  Hub hub("s1", 3);
  for (int i = 0; i < 10; ++i) hub.publish(kA, ev("e"));
  Received r;
  CatchUp c;
  hub.subscribe(kA, "s1", 6, r.deliver(), c);
  EXPECT_TRUE(c.resync) << "7 is no longer held (only 8-10)";
  hub.subscribe(kA, "s1", 7, r.deliver(), c);
  EXPECT_FALSE(c.resync);
  EXPECT_EQ(c.missed.size(), 3u);
  hub.subscribe(kA, "other", 9, r.deliver(), c);
  EXPECT_TRUE(c.resync) << "a restarted server's numbers mean nothing";
  hub.subscribe(kA, "s1", 11, r.deliver(), c);
  EXPECT_TRUE(c.resync) << "a sequence from the future";
  hub.subscribe(kB, "s1", 2, r.deliver(), c);
  EXPECT_TRUE(c.resync) << "nothing is held for B";
}

TEST(LiveHub, UnsubscribedScreensReceiveNothing) {
  Hub hub("s1");
  Received r;
  CatchUp c;
  auto id = hub.subscribe(kA, "", 0, r.deliver(), c);
  hub.unsubscribe(kA, id);
  hub.publish(kA, ev("e"));
  EXPECT_TRUE(r.events.empty());
  EXPECT_EQ(hub.subscribers(), 0u);
}

TEST(LiveHub, AnEventFrameIsJsonWithItsSequenceTimeAndData) {
  SequencedEvent e{7, ev("task.raised", R"({"task_id":"tsk_1"})")};
  EXPECT_EQ(event_frame(e),
            R"({"type":"task.raised","seq":7,"at":"2026-11-18T11:06:40.000Z","data":{"task_id":"tsk_1"}})");
  e.event.data_json.clear();
  EXPECT_NE(event_frame(e).find(R"("data":{})"), std::string::npos);
}

}  // namespace
}  // namespace kc::live
