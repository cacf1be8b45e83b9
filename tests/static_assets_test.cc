// The web UI's files through the router's fallback: types, caching, CSP, and what never
// reaches them.
#include <gtest/gtest.h>

#include <array>

#include "api_fixture.h"
#include "http/static_assets.h"

namespace quorum::testing {
namespace {

constexpr std::array<StaticFile, 4> kFiles = {{
    {"/index.html", "<!doctype html><script type=module src=/assets/app-1a2b.js></script>"},
    {"/assets/app-1a2b.js", "console.log(1)"},
    {"/assets/app-1a2b.js.gz", "(the gzip bytes)"},
    {"/assets/app-1a2b.css", "body{}"},
}};

class StaticAssetsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    router_->SetFallback(
        [this](const HttpRequest& request) { return assets_.Serve(request.path, request.Header("accept-encoding")); });
  }
  std::string Header(const ApiAnswer& answer, const std::string& name) {
    for (const auto& [key, value] : answer.raw.headers)
      if (key == name) return value;
    return "";
  }
  StaticAssets assets_{kFiles};
};

TEST_F(StaticAssetsTest, IndexIsNotCachedAndForbidsInlineScript) {
  for (const char* path : {"/", "/index.html"}) {
    ApiAnswer index = Call("GET", path, "");
    ASSERT_EQ(index.status, 200) << path;
    EXPECT_EQ(index.raw.body, kFiles[0].bytes);
    EXPECT_EQ(index.raw.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(Header(index, "Cache-Control"), "no-cache");
    const std::string policy = Header(index, "Content-Security-Policy");
    EXPECT_NE(policy.find("script-src 'self';"), std::string::npos);
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos);
    EXPECT_NE(policy.find("object-src 'none'"), std::string::npos);
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_NE(policy.find("img-src 'self' http: https:"), std::string::npos);
  }
}

TEST_F(StaticAssetsTest, HashedAssetsAreImmutableWithTheirTypes) {
  ApiAnswer script = Call("GET", "/assets/app-1a2b.js", "");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.raw.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(script, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(Call("GET", "/assets/app-1a2b.css", "").raw.content_type, "text/css; charset=utf-8");
}

TEST_F(StaticAssetsTest, TheGzipTwinGoesToBrowsersThatTakeIt) {
  ApiAnswer zipped = Call("GET", "/assets/app-1a2b.js", "", nullptr, {{"accept-encoding", "gzip, deflate, br"}});
  EXPECT_EQ(zipped.raw.body, "(the gzip bytes)");
  EXPECT_EQ(Header(zipped, "Content-Encoding"), "gzip");
  EXPECT_EQ(Header(zipped, "Vary"), "Accept-Encoding");
  EXPECT_EQ(zipped.raw.content_type, "text/javascript; charset=utf-8") << "the type of what was zipped";
  for (const char* refusing : {"", "deflate", "gzip;q=0", "br, gzip; q=0.0"}) {
    ApiAnswer plain = Call("GET", "/assets/app-1a2b.js", "", nullptr, {{"accept-encoding", refusing}});
    EXPECT_EQ(plain.raw.body, "console.log(1)") << refusing;
    EXPECT_EQ(Header(plain, "Content-Encoding"), "") << refusing;
  }
  EXPECT_EQ(Call("GET", "/assets/app-1a2b.js", "", nullptr, {{"accept-encoding", "gzip;q=0.5"}}).raw.body,
            "(the gzip bytes)");
  EXPECT_EQ(Header(Call("GET", "/assets/app-1a2b.css", "", nullptr, {{"accept-encoding", "gzip"}}), "Content-Encoding"), "")
      << "no twin, no encoding";
}

TEST_F(StaticAssetsTest, UnknownPathsAndTheApiNeverFallBack) {
  EXPECT_EQ(Call("GET", "/assets/missing.js", "").status, 404);
  EXPECT_EQ(Call("POST", "/index.html", "").status, 404) << "only GET is served";
  ApiAnswer api = Call("GET", "/api/v1/nothing-here", "");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.raw.content_type, "application/json");
  EXPECT_EQ(Call("GET", "/healthz", "").body["status"], "ok") << "routes come first";
}

TEST(ContentTypeForTest, KnownAndUnknownExtensions) {
  EXPECT_EQ(ContentTypeFor("/a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("/a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("/a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace quorum::testing
