// The HTTP server over real sockets: keep-alive, limits, timeouts, the access log, shutdown.
#include <utility>  // Boost 1.74's asio/awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gmock/gmock.h>

#include <filesystem>
#include <sstream>
#include <thread>

#include "api_fixture.h"
#include "http/server.h"

namespace quorum::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using ::testing::HasSubstr;

class ServerTest : public ApiTest {
 protected:
  void StartServer(ServerOptions options) {
    options.port = 0;
    options.io_threads = 2;
    options.worker_threads = 4;
    server_ = std::make_unique<HttpServer>(*router_, options, log_);
    ASSERT_TRUE(server_->Start().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) {
      server_->Stop();
      thread_.join();
    }
  }

  tcp::socket Connect() {
    tcp::socket socket(io_);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server_->port()));
    return socket;
  }

  bhttp::response<bhttp::string_body> Exchange(tcp::socket& socket, bhttp::request<bhttp::string_body> request) {
    request.prepare_payload();
    bhttp::write(socket, request);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    bhttp::read(socket, buffer, response);
    return response;
  }

  asio::io_context io_;
  std::ostringstream log_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsWithIds) {
  StartServer({});
  tcp::socket socket = Connect();
  bhttp::request<bhttp::string_body> health(bhttp::verb::get, "/healthz", 11);
  auto first = Exchange(socket, health);
  auto second = Exchange(socket, health);
  EXPECT_EQ(first.result_int(), 200);
  EXPECT_EQ(second.result_int(), 200);
  EXPECT_NE(first["X-Request-Id"], second["X-Request-Id"]);
  EXPECT_EQ(first["X-Content-Type-Options"], "nosniff");
  EXPECT_THAT(first.body(), HasSubstr("ok"));
}

TEST_F(ServerTest, OversizedBodyGets413) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  StartServer(options);
  tcp::socket socket = Connect();
  bhttp::request<bhttp::string_body> login(bhttp::verb::post, "/api/v1/auth/login", 11);
  login.body() = std::string(4096, 'x');
  auto response = Exchange(socket, login);
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_THAT(response.body(), HasSubstr("\"too_large\""));
}

// An import body larger than the in-memory limit is spooled to a file and imported; the same
// body to a route that does not spool, or without credentials, is refused; no file is left.
TEST_F(ServerTest, ImportBodiesAreSpooledPastTheMemoryLimit) {
  std::string manager = UserWithRole("m@team.org", Role::kManager);
  Project project = MakeProject("text-classification");
  TempDir spool;
  ServerOptions options;
  options.max_body_bytes = 1024;
  options.spool_dir = spool.path();
  StartServer(options);
  std::string lines;
  for (int index = 0; index < 500; ++index)
    lines += R"({"id":"r)" + std::to_string(index) + R"(","fields":{"text":"record number )" + std::to_string(index) +
             "\"}}\n";
  ASSERT_GT(lines.size(), 20 * options.max_body_bytes);
  const std::string target = "/api/v1/projects/" + std::to_string(project.id) + "/records?format=jsonl";

  tcp::socket socket = Connect();
  bhttp::request<bhttp::string_body> import(bhttp::verb::post, target, 11);
  import.set(bhttp::field::authorization, "Token " + manager);
  import.body() = lines;
  auto imported = Exchange(socket, import);
  ASSERT_EQ(imported.result_int(), 201) << imported.body();
  EXPECT_EQ(nlohmann::json::parse(imported.body())["records"], 500);
  EXPECT_EQ(store_->CountRecords(project.id).value(), 500);
  // The connection stays usable after a spooled request.
  bhttp::request<bhttp::string_body> health(bhttp::verb::get, "/healthz", 11);
  EXPECT_EQ(Exchange(socket, health).result_int(), 200);

  // A bad line is reported by line, as "body", and nothing is imported.
  tcp::socket second = Connect();
  import.body() = lines + "{\"id\": \"broken\"\n";
  auto refused = Exchange(second, import);
  EXPECT_EQ(refused.result_int(), 400) << refused.body();
  EXPECT_THAT(refused.body(), HasSubstr("body"));
  EXPECT_THAT(refused.body(), HasSubstr("501"));
  EXPECT_EQ(store_->CountRecords(project.id).value(), 500);

  tcp::socket third = Connect();
  bhttp::request<bhttp::string_body> anonymous(bhttp::verb::post, target, 11);
  anonymous.body() = lines;
  EXPECT_EQ(Exchange(third, anonymous).result_int(), 413) << "nobody spools to disk without credentials";

  tcp::socket fourth = Connect();
  bhttp::request<bhttp::string_body> suggestions(bhttp::verb::post,
                                                 "/api/v1/projects/" + std::to_string(project.id) + "/suggestions", 11);
  suggestions.set(bhttp::field::authorization, "Token " + manager);
  suggestions.body() = lines;
  EXPECT_EQ(Exchange(fourth, suggestions).result_int(), 413);

  server_->Stop();
  thread_.join();
  server_.reset();
  EXPECT_TRUE(std::filesystem::is_empty(spool.path())) << "spooled bodies are removed";
}

TEST_F(ServerTest, TricklingClientIsCutOff) {
  ServerOptions options;
  options.read_timeout_seconds = 1;
  StartServer(options);
  tcp::socket socket = Connect();
  asio::write(socket, asio::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n")));  // never finished
  const auto start = std::chrono::steady_clock::now();
  char byte;
  beast::error_code error;
  socket.read_some(asio::buffer(&byte, 1), error);  // blocks until the server closes
  EXPECT_TRUE(error == asio::error::eof || error == asio::error::connection_reset) << error.message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST_F(ServerTest, ConnectionsBeyondTheLimitGet503) {
  ServerOptions options;
  options.max_connections = 1;
  StartServer(options);
  tcp::socket first = Connect();
  bhttp::request<bhttp::string_body> health(bhttp::verb::get, "/healthz", 11);
  EXPECT_EQ(Exchange(first, health).result_int(), 200);
  tcp::socket second = Connect();
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> refused;
  bhttp::read(second, buffer, refused);
  EXPECT_EQ(refused.result_int(), 503);
}

TEST_F(ServerTest, AccessLogHasOneJsonLinePerRequest) {
  std::string key = UserWithRole("log@team.org", Role::kOwner);
  StartServer({});
  tcp::socket socket = Connect();
  bhttp::request<bhttp::string_body> me(bhttp::verb::get, "/api/v1/me", 11);
  me.set(bhttp::field::authorization, "Token " + key);
  auto response = Exchange(socket, me);
  ASSERT_EQ(response.result_int(), 200);
  server_->Stop();
  thread_.join();
  server_.reset();
  std::string line = log_.str();
  ASSERT_FALSE(line.empty());
  nlohmann::json entry = nlohmann::json::parse(line.substr(0, line.find('\n')));
  EXPECT_EQ(entry["method"], "GET");
  EXPECT_EQ(entry["path"], "/api/v1/me");
  EXPECT_EQ(entry["status"], 200);
  EXPECT_EQ(entry["user"], UserId("log@team.org"));
  EXPECT_EQ(entry["request_id"], std::string(response["X-Request-Id"]));
  EXPECT_GT(entry["bytes"].get<int>(), 0);
}

}  // namespace
}  // namespace quorum::testing
