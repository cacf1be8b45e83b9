// The HTTP server over real sockets: keep-alive, limits, timeouts, the access log, shutdown.
#include <utility>  // Boost 1.74's asio/awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gmock/gmock.h>

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
