#include <signal.h>

#include <charconv>
#include <iostream>
#include <ostream>
#include <thread>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "http/api_routes.h"
#include "http/embedded_web.h"
#include "http/router.h"
#include "http/server.h"

namespace quorum {
namespace {

Result<uint16_t> ParsePort(const std::string& text) {
  int port = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535)
    return MakeError(ErrorCode::kInvalid, "--port must be a number from 0 to 65535, got '" + text + "'");
  return static_cast<uint16_t>(port);
}

Result<std::size_t> ParseMegabytes(const std::string& text) {
  std::size_t megabytes = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), megabytes);
  if (error != std::errc() || end != text.data() + text.size() || megabytes < 1 || megabytes > (1u << 20))
    return MakeError(ErrorCode::kInvalid, "--max-body-mb must be a number from 1 to 1048576, got '" + text + "'");
  return megabytes << 20;
}

Status RunServe(CommandContext& context, const ParsedArgs& args) {
  ServerOptions options;
  options.host = args.Get("host").value_or("127.0.0.1");
  if (auto port = args.Get("port")) {
    QUORUM_ASSIGN_OR_RETURN(options.port, ParsePort(*port));
  }
  if (auto megabytes = args.Get("max-body-mb")) {
    QUORUM_ASSIGN_OR_RETURN(options.max_body_bytes, ParseMegabytes(*megabytes));
  }
  options.spool_dir = args.Get("spool-dir").value_or("");
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(std::vector<User> users, store->ListUsers());
  if (users.empty())
    context.err() << "warning: " << context.db_url() << " has no users yet; run 'quorum init' to create the owner\n";

  // SIGINT and SIGTERM are taken by one thread with sigwait, so every other thread (started
  // after this mask) never sees them and shutdown runs in ordinary code, not a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Router router(*store, context.clock(), AllRoutes());
  const StaticAssets web_ui(EmbeddedWebFiles());
  router.SetFallback(
      [&web_ui](const HttpRequest& request) { return web_ui.Serve(request.path, request.Header("accept-encoding")); });
  HttpServer server(router, options, context.out());
  QUORUM_RETURN_IF_ERROR(server.Start());
  context.err() << "Quorum is serving " << context.db_url() << " at http://" << options.host << ":" << server.port()
                << "/\n"
                << "API: http://" << options.host << ":" << server.port() << "/api/v1/openapi.json\n"
                << "Log in as the owner created by 'quorum init' (admin@localhost unless you chose another).\n"
                << "Stop with Ctrl-C (SIGINT) or SIGTERM: in-flight requests finish first.\n";
  std::thread waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server.Stop();
  });
  server.Run();
  // Run also returns when the server stopped for another reason: release the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  context.err() << "Quorum stopped.\n";
  return OkStatus();
}

}  // namespace

CommandSpec ServeCommand() {
  return {"serve",
          "run the HTTP server (the web UI and the REST API)",
          "[--host H] [--port P] [--max-body-mb N] [--spool-dir DIR]",
          "Serves on 127.0.0.1:8080 by default. One JSON line per request goes to standard output\n"
          "(the access log); messages go to standard error. Request bodies above --max-body-mb get\n"
          "413, except record imports, which are written to a temporary file in --spool-dir as\n"
          "they arrive and are bounded by the disk.",
          {{"host", "H", "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)"},
           {"port", "P", "port (default 8080; 0 picks a free one)"},
           {"max-body-mb", "N", "largest request body kept in memory, in MiB (default 256)"},
           {"spool-dir", "DIR", "where uploads are spooled (default: the system's temporary directory)"}},
          RunServe};
}

}  // namespace quorum
