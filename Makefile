# KetaClinic: the front door. `make run` and `make test` are the two commands a
# newcomer needs; both install what is missing first (scripts/bootstrap).
SHELL := /bin/bash
.DEFAULT_GOAL := help
JOBS ?= 2
LISTEN ?= 127.0.0.1:8080
DATABASE ?= sqlite:var/ketaclinic.db
BENCH ?=

.PHONY: help bootstrap run test bench fmt lint fuzz web release test-build clean

help:
	@echo "make run    install, build, start the demo clinic on http://$(LISTEN)"
	@echo "make test   install, build with sanitizers, run every test (SQLite and PostgreSQL)"
	@echo "make bench  release build, benchmarks as JSON lines (BENCH=name for one)"
	@echo "make fmt    format the C++ sources; make lint: clang-format check and eslint"

bootstrap:
	@scripts/bootstrap

web: bootstrap
	@cd web && npm run --silent build

release: bootstrap
	@cmake --preset release >/dev/null
	@cmake --build build/release -j $(JOBS)

test-build: bootstrap
	@cmake --preset test >/dev/null
	@cmake --build build/test -j $(JOBS)

run: release web
	@mkdir -p var
	@./build/release/ketaclinic serve --database "$(DATABASE)" --listen "$(LISTEN)" --web-root web/dist --demo

test: test-build web
	@scripts/with-postgres ctest --test-dir build/test --output-on-failure -j $(JOBS) --timeout 900

bench: release
	@scripts/bench $(BENCH)

fuzz: test-build
	@./build/test/fuzz/fuzz_request_decode -max_total_time=300 fuzz/corpus/request

fmt:
	@clang-format -i $$(git ls-files --cached --others --exclude-standard 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'fuzz/*.cc' 'bench/*.cc')

lint:
	@scripts/check-format
	@cd web && npm run --silent lint

clean:
	rm -rf build web/dist
