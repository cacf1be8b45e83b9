#include "http/multipart_form.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

// The body python-requests writes for files={'file': f} plus a plain field.
constexpr char kBody[] =
    "--7d1f\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"tasks.json\"\r\n"
    "Content-Type: application/json\r\n"
    "\r\n"
    "[{\"data\": {\"text\": \"line one\\r\\n--7d1 not a boundary\"}}]\r\n"
    "--7d1f\r\n"
    "content-disposition: form-data; name=note\r\n"
    "\r\n"
    "hello\r\n"
    "--7d1f--\r\n";

TEST(MultipartFormTest, SplitsPartsWithTheirNamesAndBodies) {
  Result<std::vector<FormPart>> parts = ParseMultipartForm("multipart/form-data; boundary=7d1f", kBody);
  ASSERT_TRUE(parts.ok()) << parts.error().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "file");
  EXPECT_EQ((*parts)[0].filename, "tasks.json");
  EXPECT_EQ((*parts)[0].content_type, "application/json");
  EXPECT_EQ((*parts)[0].body, "[{\"data\": {\"text\": \"line one\\r\\n--7d1 not a boundary\"}}]");
  EXPECT_EQ((*parts)[1].name, "note") << "unquoted parameters, any header case";
  EXPECT_EQ((*parts)[1].filename, "");
  EXPECT_EQ((*parts)[1].body, "hello");
}

TEST(MultipartFormTest, QuotedBoundaryAndContentTypeCase) {
  EXPECT_TRUE(IsMultipartForm("Multipart/Form-Data; boundary=x"));
  EXPECT_FALSE(IsMultipartForm("application/json"));
  Result<std::vector<FormPart>> parts = ParseMultipartForm("multipart/form-data; boundary=\"7d1f\"", kBody);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(parts->size(), 2u);
}

TEST(MultipartFormTest, BrokenBodiesSayWhatIsMissing) {
  EXPECT_EQ(ParseMultipartForm("multipart/form-data", kBody).error().message,
            "multipart/form-data without a boundary parameter");
  EXPECT_EQ(ParseMultipartForm("multipart/form-data; boundary=zz", kBody).error().message,
            "multipart body without its opening boundary");
  EXPECT_EQ(ParseMultipartForm("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nabc")
                .error()
                .message,
            "multipart body without its closing boundary");
  EXPECT_EQ(ParseMultipartForm("multipart/form-data; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--")
                .error()
                .message,
            "multipart part 1 has no Content-Disposition name");
}

}  // namespace
}  // namespace quorum
