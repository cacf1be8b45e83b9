// Acknowledged responses survive the server being killed: annotators submit in a loop while
// `quorum serve` is killed with SIGKILL and restarted; afterwards every response the server
// answered 201 for is in the database with its values.

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "cli_runner.h"
#include "http_client.h"
#include "server_process.h"
#include "store/open_store.h"

namespace quorum::testing {
namespace {

namespace bhttp = boost::beast::http;

TEST(ServerKillTest, EveryAcknowledgedResponseSurvivesSigkill) {
  TempDir dir;
  const std::string db = dir.File("kill.db");
  ASSERT_EQ(RunQuorum(db, {"init", "--password", "owner-password"}).status, 0);
  ASSERT_EQ(RunQuorum(db, {"project", "create", "--name", "p", "--template", "pairwise-preference"}).status, 0);
  ASSERT_EQ(RunQuorum(db, {"project", "settings", "1", "--set", R"({"overlap": 10})"}).status, 0);
  std::string rows;
  for (int index = 0; index < 400; ++index)
    rows += "{\"prompt\": \"p" + std::to_string(index) + "\", \"response_a\": \"a\", \"response_b\": \"b\"}\n";
  ASSERT_EQ(RunQuorum(db, {"import", "--project", "1", dir.Write("rows.jsonl", rows)}).status, 0);
  constexpr int kAnnotators = 6;
  std::vector<std::string> tokens;
  for (int index = 0; index < kAnnotators; ++index) {
    const std::string email = "a" + std::to_string(index) + "@kill.test";
    ASSERT_EQ(RunQuorum(db, {"user", "add", "--email", email, "--role", "annotator", "--password", "annotator-pw"}).status, 0);
    CliResult token = RunQuorum(db, {"token", "create", "--email", email});
    ASSERT_EQ(token.status, 0);
    tokens.push_back(token.out.substr(0, token.out.find('\n')));
  }

  std::mutex mutex;
  std::map<int64_t, std::string> acknowledged;  // response id -> the choice sent
  for (int round = 0; round < 3; ++round) {
    ServerProcess server(db, dir.File("server-" + std::to_string(round) + ".log"));
    ASSERT_NE(server.port(), 0) << "the server did not start";
    std::atomic<bool> stop{false};
    std::vector<std::thread> annotators;
    for (int index = 0; index < kAnnotators; ++index) {
      annotators.emplace_back([&, index] {
        HttpClient client("127.0.0.1", server.port());
        int cycle = 0;
        while (!stop) {
          HttpAnswer next = client.Send(bhttp::verb::get, "/api/v1/projects/1/next", tokens[index]);
          if (next.status != 200) continue;
          const int64_t record = next.Json()["id"];
          const std::string choice = (++cycle + index) % 2 ? "response_a" : "response_b";
          HttpAnswer saved = client.Send(bhttp::verb::post, "/api/v1/records/" + std::to_string(record) + "/responses",
                                         tokens[index], R"({"values": {"preference": ")" + choice + R"("}})");
          if (saved.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged[saved.Json()["id"].get<int64_t>()] = choice;
          }
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    server.Kill();  // mid-stream: requests are in flight
    stop = true;
    for (std::thread& annotator : annotators) annotator.join();
  }

  ASSERT_GT(acknowledged.size(), 20u) << "the load did not get going";
  auto store = OpenStore(db);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  for (const auto& [id, choice] : acknowledged) {
    Result<Response> response = (*store)->GetResponse(id);
    ASSERT_TRUE(response.ok()) << "acknowledged response " << id << " is lost";
    EXPECT_EQ(response->values["preference"], choice);
    EXPECT_EQ(response->status, ResponseStatus::kSubmitted);
  }
}

}  // namespace
}  // namespace quorum::testing
