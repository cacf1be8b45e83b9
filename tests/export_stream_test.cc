// GET /api/v1/projects/{id}/export streams: a `quorum serve` process scans a project whose DPO
// file is several times the bound below twice (summary=only, then the export), and its peak RSS
// (VmHWM from /proc) grows by less than that bound over its peak at start. The body is byte for
// byte what `quorum export` writes, and the summary still comes in a header.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <filesystem>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "server_process.h"

namespace quorum::testing {
namespace {

namespace bhttp = boost::beast::http;

struct Download {
  int status = 0;
  std::string body;
  std::string summary;  // X-Quorum-Export-Summary
};

// One GET on a new connection, with no limit on the body's size.
Download Get(unsigned short port, const std::string& target, const std::string& token) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  boost::beast::error_code error;
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, error);
  if (error) return {};
  bhttp::request<bhttp::empty_body> request(bhttp::verb::get, target, 11);
  request.set(bhttp::field::host, "127.0.0.1");
  request.set(bhttp::field::authorization, "Token " + token);
  bhttp::write(socket, request, error);
  boost::beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  if (!error) bhttp::read(socket, buffer, parser, error);
  if (error) return {};
  Download download;
  download.status = static_cast<int>(parser.get().result_int());
  download.body = std::move(parser.get().body());
  download.summary = std::string(parser.get()["X-Quorum-Export-Summary"]);
  return download;
}

// `count` preference records of about 24 KB of text each, voted A, A, B.
std::string Rows(int count) {
  const std::string filler(8000, 'x');
  std::string rows;
  for (int index = 0; index < count; ++index) {
    const std::string n = std::to_string(index);
    rows += R"({"id":"r)" + n + R"(","fields":{"prompt":"prompt )" + n + filler + R"(","response_a":"a )" + n + filler +
            R"(","response_b":"b )" + n + filler + R"("},"responses":[)";
    rows += R"({"user":"u1@x.org","values":{"preference":"response_a"},"status":"submitted"},)";
    rows += R"({"user":"u2@x.org","values":{"preference":"response_a"},"status":"submitted"},)";
    rows += R"({"user":"u3@x.org","values":{"preference":"response_b"},"status":"submitted"}]})";
    rows += '\n';
  }
  return rows;
}

TEST(ExportStreamTest, ABigExportDoesNotGrowTheServersMemoryAndMatchesTheCli) {
  constexpr int kRecords = 4000;  // about 96 MB of DPO rows
  // A sixth of the body. Measured: 7 MB over the start for both scans together (each scan's
  // connection keeps a 2 MiB page cache; the sink two 1 MiB buffers). A scan on a connection
  // with a 64 MiB cache rose 68 MB (a second scan served by another thread's malloc arena
  // added its own cache) and fails it, as does a body held in memory.
  constexpr long kBoundKib = 16 * 1024;
  TempDir dir;
  const std::string db = dir.File("stream.db");
  ASSERT_EQ(RunQuorum(db, {"init", "--password", "owner-password"}).status, 0);
  ASSERT_EQ(RunQuorum(db, {"project", "create", "--name", "p", "--template", "pairwise-preference"}).status, 0);
  CliResult imported = RunQuorum(db, {"import", "--project", "1", "--create-users", dir.Write("rows.jsonl", Rows(kRecords))});
  ASSERT_EQ(imported.status, 0) << imported.err;
  std::filesystem::remove(dir.File("rows.jsonl"));
  CliResult cli = RunQuorum(db, {"export", "--project", "1", "--format", "dpo", "--out", dir.File("cli.jsonl")});
  ASSERT_EQ(cli.status, 0) << cli.err;
  CliResult token = RunQuorum(db, {"token", "create", "--email", "admin@localhost"});
  ASSERT_EQ(token.status, 0) << token.err;
  const std::string key = token.out.substr(0, token.out.find('\n'));

  ServerProcess server(db, dir.File("server.log"));
  ASSERT_NE(server.port(), 0) << "the server did not start: " << ReadFile(dir.File("server.log"));
  const long start_kib = server.MemoryKib("VmHWM");
  ASSERT_GT(start_kib, 0);
  // The same scan with nothing written, then the export: two scans, which may run on different
  // worker threads (so in different malloc arenas).
  Download summary_only = Get(server.port(), "/api/v1/projects/1/export?format=dpo&summary=only", key);
  ASSERT_EQ(summary_only.status, 200) << summary_only.body;
  const long scanned_kib = server.MemoryKib("VmHWM");

  Download download = Get(server.port(), "/api/v1/projects/1/export?format=dpo", key);
  const long after_kib = server.MemoryKib("VmHWM");
  std::cout << "server peak RSS: " << start_kib << " KiB at start, " << scanned_kib << " KiB after summary=only, "
            << after_kib << " KiB after a " << download.body.size() / 1000000 << " MB export\n";
  ASSERT_EQ(download.status, 200) << download.body.substr(0, 500);
  ASSERT_GT(download.body.size(), 5u * kBoundKib * 1024) << "the export is too small to show anything";
  EXPECT_LT(after_kib - start_kib, kBoundKib) << "peak RSS " << start_kib << " KiB at start, " << scanned_kib
                                              << " KiB after summary=only, " << after_kib
                                              << " KiB after the export: a scan's page cache or the body is held in memory";

  const std::string from_cli = ReadFile(dir.File("cli.jsonl"));
  EXPECT_EQ(download.body.size(), from_cli.size());
  EXPECT_TRUE(download.body == from_cli) << "the API's body differs from the CLI's file";
  const nlohmann::json summary = nlohmann::json::parse(download.summary, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << download.summary;
  EXPECT_EQ(summary["rows"], kRecords);
  EXPECT_EQ(summary["records"], kRecords);
  EXPECT_EQ(summary, nlohmann::json::parse(summary_only.body)["summary"]);
}

}  // namespace
}  // namespace quorum::testing
