// Test-only: a SQLite store in a temporary directory with a project made from a Label Studio
// config, and helpers to import and export Label Studio files (included by *_test.cc only).
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/byte_sink.h"
#include "io/byte_source.h"
#include "io/export_labelstudio.h"
#include "io/importer.h"
#include "schema/label_config.h"
#include "store/fresh_test_store.h"
#include "store/store_test_support.h"

namespace quorum::testing {

// The file tests/data/labelstudio/NAME.
inline std::string ReadLabelStudioData(const std::string& name) {
  std::ifstream in(std::string(QUORUM_TEST_DATA) + "/labelstudio/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class LabelStudioStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> opened = OpenFreshTestStore(dir_.path(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    store_ = std::move(opened).value();
    workspace_id_ = store_->CreateWorkspace("team")->id;
  }

  // A project whose schema is read from `xml` (or a native schema).
  Project MakeProject(std::string_view xml) {
    Result<LabelConfig> config = ParseLabelConfig(xml, "config.xml");
    EXPECT_TRUE(config.ok()) << config.error().ToString();
    return MakeProject(config.ok() ? config->schema : Schema{});
  }
  Project MakeProject(const Schema& schema) {
    Project project;
    project.workspace_id = workspace_id_;
    project.name = "p" + std::to_string(++projects_);
    project.schema = schema;
    Result<Project> created = store_->CreateProject(project);
    EXPECT_TRUE(created.ok()) << created.error().ToString();
    return created.ok() ? *created : Project{};
  }

  Result<ImportReport> Import(const Project& project, std::string tasks, bool create_users = true) {
    ImportOptions options;
    options.format = ImportFormat::kLabelStudio;
    options.create_users = create_users;
    return ImportRecords(*store_, project, StringSource(std::move(tasks), "tasks.json"), options, clock_);
  }

  std::string Export(const Project& project, LabelStudioExportFormat format, bool all_tasks = true) {
    std::string out;
    std::unique_ptr<ByteSink> sink = StringSink(out);
    LabelStudioExportOptions options;
    options.format = format;
    options.all_tasks = all_tasks;
    Result<ExportReport> report = ExportLabelStudio(*store_, project, options, *sink);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    return out;
  }

  nlohmann::json ExportJson(const Project& project, bool all_tasks = true) {
    return nlohmann::json::parse(Export(project, LabelStudioExportFormat::kJson, all_tasks));
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Store> store_;
  int64_t workspace_id_ = 0;
  int projects_ = 0;
};

}  // namespace quorum::testing
