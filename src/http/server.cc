#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <condition_variable>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "http/api_error.h"
#include "http/spool_file.h"

namespace quorum {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

// Where this server's request ids start: a random upper half, so that the ids of several
// servers behind one load balancer (on one database, into one log store) do not repeat; the
// lower half counts this server's requests.
uint64_t FirstRequestId() {
  std::random_device random;
  return (static_cast<uint64_t>(random()) << 32) | 1;
}

// Counters shared by the sessions of one server.
struct Shared {
  Router& router;
  const ServerOptions& options;
  asio::thread_pool& workers;
  std::ostream& access_log;
  std::mutex log_mutex;
  std::atomic<int> connections{0};
  std::atomic<int> in_flight{0};
  std::atomic<uint64_t> next_request_id{FirstRequestId()};
  std::mutex idle_mutex;
  std::condition_variable idle;  // notified when in_flight drops to 0
};

// The request without its body (the caller moves the body in, or names its file).
template <class Body>
HttpRequest ToHttpRequest(const bhttp::request<Body>& message, const std::string& remote, const std::string& spool_dir,
                          uint64_t id) {
  HttpRequest request;
  request.method = std::string(message.method_string());
  const std::string_view target(message.target().data(), message.target().size());
  const std::size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  request.path = PercentDecode(raw_path, false).value_or(std::string(raw_path));
  if (question != std::string_view::npos) request.query = ParseQueryString(target.substr(question + 1));
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[name] = std::string(field.value());
  }
  request.remote_address = remote;
  request.spool_dir = spool_dir;
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(id));
  request.request_id = buffer;
  return request;
}

void WriteAccessLog(Shared& shared, const HttpRequest& request, const HttpResponse& response, uint64_t body_bytes,
                    double duration_ms) {
  nlohmann::json line = {{"ts", FormatTimestamp(SystemClock().NowMs())},
                         {"request_id", request.request_id},
                         {"method", request.method},
                         {"path", request.path},
                         {"status", response.status},
                         {"bytes", body_bytes},
                         {"duration_ms", duration_ms},
                         {"user", response.user_id},
                         {"remote", request.remote_address}};
  std::lock_guard lock(shared.log_mutex);
  shared.access_log << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

// One connection. Runs on the one I/O thread that owns its io_context; a quick read runs right
// there, any other handler on the worker pool, which posts the answer back to that thread.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {
    beast::error_code ignored;
    auto endpoint = stream_.socket().remote_endpoint(ignored);
    remote_ = ignored ? "" : endpoint.address().to_string();
  }
  ~Connection() { --shared_.connections; }

  void Start() { asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); }); }

  // Answers 503 and closes: the server is at its connection limit.
  void Refuse() {
    auto response = std::make_shared<bhttp::response<bhttp::string_body>>(bhttp::status::service_unavailable, 11);
    response->set(bhttp::field::content_type, "application/json");
    response->set(bhttp::field::connection, "close");
    response->body() = R"({"error":{"code":"unavailable","message":"too many connections","details":[]}})";
    response->prepare_payload();
    stream_.expires_after(std::chrono::seconds(5));
    bhttp::async_write(stream_, *response, [self = shared_from_this(), response](beast::error_code, std::size_t) {
      self->Close();
    });
  }

 private:
  void Read() {
    parser_.emplace();
    // The limit depends on the route (spooled bodies may be larger), so it is applied once the
    // header is read: see OnHeader.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    parser_->header_limit(64 * 1024);
    // The first request of a connection, and every request's bytes, must come within the read
    // timeout; between keep-alive requests the idle timeout applies.
    stream_.expires_after(std::chrono::seconds(first_ ? shared_.options.read_timeout_seconds
                                                      : shared_.options.idle_timeout_seconds));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code error, std::size_t) { self->OnHeader(error); });
  }

  void OnHeader(beast::error_code error) {
    started_ = std::chrono::steady_clock::now();
    if (error) return Close();
    first_ = false;
    if (WantsSpool()) return Spool();
    // Beast checks a declared Content-Length against the limit only when the header completes,
    // which is behind us: check it here; chunked bodies are counted by the parser as they come.
    if (DeclaredLength(*parser_) > shared_.options.max_body_bytes) return RespondAndClose(TooLarge());
    parser_->body_limit(shared_.options.max_body_bytes);
    stream_.expires_after(std::chrono::seconds(shared_.options.read_timeout_seconds));
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code error, std::size_t) { self->OnBody(error); });
  }

  void OnBody(beast::error_code error) {
    if (error == bhttp::error::body_limit) return RespondAndClose(TooLarge());
    if (error) return Close();
    keep_alive_ = parser_->get().keep_alive();
    bhttp::request<bhttp::string_body> message = parser_->release();
    auto request = std::make_shared<HttpRequest>(
        ToHttpRequest(message, remote_, shared_.options.spool_dir, shared_.next_request_id.fetch_add(1)));
    request->body = std::move(message.body());
    // A quick read is answered here, on the I/O thread, when the store can answer it without
    // waiting: two hand-offs between threads cost more than the read itself.
    if (std::optional<HttpResponse> answer = shared_.router.HandleWithoutWaiting(*request)) {
      ++shared_.in_flight;
      return Write(*request, std::make_shared<HttpResponse>(std::move(*answer)));
    }
    Dispatch(std::move(request), nullptr);
  }

  // Runs the handler on the worker pool and posts the answer back to the connection's thread.
  // `spool` (may be null) is the file holding the body, removed once the handler is done.
  void Dispatch(std::shared_ptr<HttpRequest> request, std::shared_ptr<SpoolFile> spool) {
    ++shared_.in_flight;
    asio::post(shared_.workers, [self = shared_from_this(), request, spool]() mutable {
      auto response = std::make_shared<HttpResponse>(self->shared_.router.Handle(*request));
      spool.reset();
      asio::post(self->stream_.get_executor(), [self, request, response] { self->Write(*request, response); });
    });
  }

  // A request to a route that spools its body (an import) and that carries credentials: the body
  // goes to a file as it arrives, so its size is bounded by the disk, not by memory. Requests
  // without credentials are read the usual way (and refused by the router), so that nobody can
  // fill the disk anonymously.
  bool WantsSpool() const {
    const auto& header = parser_->get();
    if (header.find(bhttp::field::authorization) == header.end() && header.find(bhttp::field::cookie) == header.end())
      return false;
    const std::string_view target(header.target().data(), header.target().size());
    const std::string_view method(header.method_string().data(), header.method_string().size());
    return shared_.router.SpoolsBody(method, target.substr(0, target.find('?')));
  }

  void Spool() {
    Result<std::shared_ptr<SpoolFile>> file = SpoolFile::Create(shared_.options.spool_dir);
    if (!file.ok()) return RespondAndClose(file.error());
    spool_ = *file;
    file_parser_.emplace(std::move(*parser_));
    parser_.reset();
    if (DeclaredLength(*file_parser_) > shared_.options.max_spooled_body_bytes) return RespondAndClose(SpoolTooLarge());
    file_parser_->body_limit(shared_.options.max_spooled_body_bytes);
    beast::error_code error;
    file_parser_->get().body().open(spool_->path().c_str(), beast::file_mode::write, error);
    if (error) return RespondAndClose(MakeError(ErrorCode::kIo, "cannot write the upload to disk: " + error.message()));
    SpoolSome();
  }

  // Reads the body a piece at a time; the read timeout applies to each piece, so a client that
  // stalls is cut off while a large upload at a steady pace is not.
  void SpoolSome() {
    stream_.expires_after(std::chrono::seconds(shared_.options.read_timeout_seconds));
    bhttp::async_read_some(stream_, buffer_, *file_parser_,
                           [self = shared_from_this()](beast::error_code error, std::size_t) { self->OnSpooled(error); });
  }

  void OnSpooled(beast::error_code error) {
    if (error == bhttp::error::body_limit) return RespondAndClose(SpoolTooLarge());
    if (error) return Close();
    if (!file_parser_->is_done()) return SpoolSome();
    keep_alive_ = file_parser_->get().keep_alive();
    file_parser_->get().body().close();
    auto request = std::make_shared<HttpRequest>(
        ToHttpRequest(file_parser_->get(), remote_, shared_.options.spool_dir, shared_.next_request_id.fetch_add(1)));
    file_parser_.reset();
    request->body_file = spool_->path();
    Dispatch(std::move(request), std::move(spool_));
  }

  template <class Parser>
  static uint64_t DeclaredLength(const Parser& parser) {
    return parser.content_length() ? *parser.content_length() : 0;
  }

  Error SpoolTooLarge() const {
    return MakeError(ErrorCode::kTooLarge, "the upload is larger than the limit of " +
                                               std::to_string(shared_.options.max_spooled_body_bytes) + " bytes");
  }

  Error TooLarge() const {
    return MakeError(ErrorCode::kTooLarge,
                     "the body is larger than the limit of " + std::to_string(shared_.options.max_body_bytes) + " bytes");
  }

  void RespondAndClose(const Error& error) {
    keep_alive_ = false;
    drain_ = true;  // the client may still be sending the body we refused
    HttpRequest request;
    if (parser_ && parser_->is_header_done()) {
      request.method = std::string(parser_->get().method_string());
      request.path = std::string(parser_->get().target());
    } else if (file_parser_) {
      request.method = std::string(file_parser_->get().method_string());
      request.path = std::string(file_parser_->get().target());
    }
    request.remote_address = remote_;
    ++shared_.in_flight;
    file_parser_.reset();
    spool_.reset();
    Write(request, std::make_shared<HttpResponse>(ErrorResponse(error)));
  }

  // The headers every answer carries, and the handler's own.
  template <class Body>
  void SetHeaders(bhttp::response<Body>& message, const HttpRequest& request, const HttpResponse& response) const {
    message.set(bhttp::field::server, "quorum");
    message.set(bhttp::field::content_type, response.content_type);
    message.set("X-Request-Id", request.request_id);
    message.set("X-Content-Type-Options", "nosniff");
    message.set(bhttp::field::cache_control, "no-store");
    // A handler's own Cache-Control (the web UI's files) replaces the API's no-store.
    for (const auto& [name, value] : response.headers) {
      if (beast::iequals(name, "Cache-Control"))
        message.set(name, value);
      else
        message.insert(name, value);
    }
    message.keep_alive(keep_alive_);
  }

  void LogAnswer(const HttpRequest& request, const HttpResponse& response, uint64_t body_bytes) {
    const double duration_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    WriteAccessLog(shared_, request, response, body_bytes, duration_ms);
  }

  void Write(const HttpRequest& request, std::shared_ptr<HttpResponse> response) {
    if (response->body_file) return WriteFile(request, std::move(response));
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(response->status), 11);
    SetHeaders(*message, request, *response);
    message->body() = std::move(response->body);
    message->prepare_payload();
    LogAnswer(request, *response, message->body().size());
    stream_.expires_after(std::chrono::seconds(shared_.options.read_timeout_seconds));
    bhttp::async_write(stream_, *message, [self = shared_from_this(), message](beast::error_code error, std::size_t) {
      self->Written(error);
    });
  }

  // A body held in a file (a big export): sent a piece at a time, so memory does not grow with
  // it, and the timeout applies to each piece, so a slow but steady client is not cut off.
  void WriteFile(const HttpRequest& request, std::shared_ptr<HttpResponse> response) {
    file_message_.emplace(static_cast<bhttp::status>(response->status), 11);
    SetHeaders(*file_message_, request, *response);
    beast::error_code error;
    file_message_->body().open(response->body_file->path().c_str(), beast::file_mode::scan, error);
    if (error) {
      file_message_.reset();
      response = std::make_shared<HttpResponse>(
          ErrorResponse(MakeError(ErrorCode::kIo, "cannot read the response file back: " + error.message())));
      return Write(request, response);
    }
    file_message_->prepare_payload();
    LogAnswer(request, *response, file_message_->body().size());
    sent_file_ = response->body_file;
    file_serializer_.emplace(*file_message_);
    WriteFileSome();
  }

  void WriteFileSome() {
    stream_.expires_after(std::chrono::seconds(shared_.options.read_timeout_seconds));
    bhttp::async_write_some(stream_, *file_serializer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (!error && !self->file_serializer_->is_done()) return self->WriteFileSome();
      self->file_serializer_.reset();
      self->file_message_.reset();
      self->sent_file_.reset();
      self->Written(error);
    });
  }

  // After an answer is sent (or failed to be): the next request, or the end of the connection.
  void Written(beast::error_code error) {
    Finished();
    if (error) return Close();
    if (drain_) return Drain();
    if (!keep_alive_) return Close();
    Read();
  }

  void Finished() {
    if (--shared_.in_flight == 0) {
      std::lock_guard lock(shared_.idle_mutex);
      shared_.idle.notify_all();
    }
  }

  // After refusing a request whose body is still arriving: stop sending, then read and drop
  // what the client sends (up to a short deadline) before closing. Closing a socket with
  // unread bytes sends a reset, which can destroy our answer before the client reads it.
  void Drain() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    drain_buffer_.resize(16 * 1024);
    stream_.async_read_some(asio::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) return self->Close();
      self->Drain();
    });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::request_parser<bhttp::file_body>> file_parser_;  // while a body spools
  std::shared_ptr<SpoolFile> spool_;
  // While a file body is sent (WriteFile): the message, its serializer and the file.
  std::optional<bhttp::response<bhttp::file_body>> file_message_;
  std::optional<bhttp::response_serializer<bhttp::file_body>> file_serializer_;
  std::shared_ptr<SpoolFile> sent_file_;
  Shared& shared_;
  std::string remote_;
  bool keep_alive_ = true;
  bool drain_ = false;
  std::vector<char> drain_buffer_;
  bool first_ = true;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace

class HttpServer::Impl {
 public:
  Impl(Router& router, ServerOptions options, std::ostream& access_log)
      : options_(std::move(options)),
        workers_(static_cast<std::size_t>(std::max(1, options_.worker_threads))),
        shared_{router, options_, workers_, access_log, {}, {}, {}, {}, {}, {}} {
    const int io_threads = options_.io_threads > 0 ? options_.io_threads
                                                   : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    for (int index = 0; index < io_threads; ++index) {
      // Concurrency hint 1: each context is run by its one thread, so asio never wakes another.
      contexts_.push_back(std::make_unique<asio::io_context>(1));
      keep_running_.emplace_back(contexts_.back()->get_executor());
    }
    acceptor_.emplace(*contexts_.front());
  }

  Status Start() {
    beast::error_code error;
    auto address = asio::ip::make_address(options_.host, error);
    if (error) return MakeError(ErrorCode::kIo, "cannot listen on '" + options_.host + "': " + error.message());
    tcp::endpoint endpoint(address, options_.port);
    acceptor_->open(endpoint.protocol(), error);
    if (!error) acceptor_->set_option(asio::socket_base::reuse_address(true), error);
    if (!error) acceptor_->bind(endpoint, error);
    if (!error) acceptor_->listen(asio::socket_base::max_listen_connections, error);
    if (error)
      return MakeError(ErrorCode::kIo, "cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": " +
                                           error.message());
    port_ = acceptor_->local_endpoint().port();
    Accept();
    return OkStatus();
  }

  uint16_t port() const { return port_; }

  void Run() {
    std::vector<std::thread> threads;
    for (size_t index = 1; index < contexts_.size(); ++index)
      threads.emplace_back([this, index] { contexts_[index]->run(); });
    contexts_.front()->run();
    for (std::thread& thread : threads) thread.join();
    workers_.join();
  }

  void Stop() {
    asio::post(acceptor_->get_executor(), [this] {
      beast::error_code ignored;
      acceptor_->close(ignored);
    });
    {
      std::unique_lock lock(shared_.idle_mutex);
      shared_.idle.wait_for(lock, std::chrono::seconds(10), [this] { return shared_.in_flight.load() == 0; });
    }
    for (auto& context : contexts_) context->stop();
  }

 private:
  // Each new connection goes to the next I/O thread's context and stays there: its handlers
  // run on that one thread, one at a time, which is what a strand would otherwise ensure.
  void Accept() {
    asio::io_context& context = *contexts_[next_context_++ % contexts_.size()];
    acceptor_->async_accept(context, [this](beast::error_code error, tcp::socket socket) {
      if (error) {
        if (error == asio::error::operation_aborted || !acceptor_->is_open()) return;
        return Accept();
      }
      const int open = ++shared_.connections;
      auto connection = std::make_shared<Connection>(std::move(socket), shared_);
      if (open > options_.max_connections)
        connection->Refuse();
      else
        connection->Start();
      Accept();
    });
  }

  ServerOptions options_;
  asio::thread_pool workers_;
  Shared shared_;
  // One io_context per I/O thread (not one shared by all): an event on a connection wakes only
  // the thread that owns it. Destroyed before shared_: their pending handlers hold connections.
  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running_;  // until Stop
  std::optional<tcp::acceptor> acceptor_;  // on the first context; used by its thread only
  size_t next_context_ = 0;                // used by the acceptor's thread only
  uint16_t port_ = 0;
};

HttpServer::HttpServer(Router& router, ServerOptions options, std::ostream& access_log)
    : impl_(std::make_unique<Impl>(router, std::move(options), access_log)) {}
HttpServer::~HttpServer() = default;
Status HttpServer::Start() { return impl_->Start(); }
uint16_t HttpServer::port() const { return impl_->port(); }
void HttpServer::Run() { impl_->Run(); }
void HttpServer::Stop() { impl_->Stop(); }

}  // namespace quorum
