# Conveniences over ./quorum.sh for people who type make.
.PHONY: run test build
run:
	./quorum.sh run
test:
	./quorum.sh test
build:
	scripts/bootstrap
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build build -j$$(nproc)
