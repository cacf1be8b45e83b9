// quorum_test_database DIR [FILE_NAME]: prints FreshTestDatabase(DIR, FILE_NAME), the database
// a test outside C++ (tests/python, web/e2e, shell scripts) passes to `quorum --db`: a SQLite
// path in DIR, or a fresh schema on the server in QUORUM_TEST_POSTGRES. One implementation for
// every language, so each test suite runs on both backends the same way.
#include <iostream>

#include "store/test_database.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: quorum_test_database DIR [FILE_NAME]\n";
    return 2;
  }
  quorum::Result<std::string> url =
      argc == 3 ? quorum::FreshTestDatabase(argv[1], argv[2]) : quorum::FreshTestDatabase(argv[1]);
  if (!url.ok()) {
    std::cerr << "quorum_test_database: " << url.error().ToString() << "\n";
    return 1;
  }
  std::cout << *url << "\n";
  return 0;
}
