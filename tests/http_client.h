// A small blocking HTTP/1.1 client for tests and load tools: one keep-alive connection.
#pragma once

#include <utility>  // Boost 1.74's asio/awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace quorum::testing {

struct HttpAnswer {
  int status = 0;  // 0 when the connection failed
  std::string body;
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
};

class HttpClient {
 public:
  HttpClient(std::string host, unsigned short port) : host_(std::move(host)), port_(port), socket_(io_) {}

  // Sends one request (reconnecting when needed) and reads the answer; status 0 when the server
  // could not be reached or closed the connection mid-answer.
  HttpAnswer Send(boost::beast::http::verb method, const std::string& target, const std::string& token,
                  const std::string& body = "") {
    namespace bhttp = boost::beast::http;
    boost::beast::error_code error;
    if (!socket_.is_open()) {
      socket_.connect({boost::asio::ip::make_address(host_), port_}, error);
      if (error) {
        socket_.close(error);
        return {};
      }
    }
    bhttp::request<bhttp::string_body> request(method, target, 11);
    request.set(bhttp::field::host, host_);
    if (!token.empty()) request.set(bhttp::field::authorization, "Token " + token);
    if (!body.empty()) {
      request.set(bhttp::field::content_type, "application/json");
      request.body() = body;
    }
    request.prepare_payload();
    bhttp::write(socket_, request, error);
    bhttp::response<bhttp::string_body> response;
    if (!error) bhttp::read(socket_, buffer_, response, error);
    if (error) {
      socket_.close(error);
      buffer_.clear();
      return {};
    }
    return {static_cast<int>(response.result_int()), response.body()};
  }

 private:
  std::string host_;
  unsigned short port_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace quorum::testing
