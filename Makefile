# The two commands of the README:
#   make site   build the example report into public/
#   make test   run every test, then build the example site and check its pages (html5lib,
#               the Nu HTML Checker, headless Chromium; then the checkers' own negative tests)
# Both first install what is missing (scripts/install-deps).

SWIFT ?= swift

.PHONY: site test deps build

deps:
	@scripts/install-deps

# reckon, and reckon-serve, the server `reckon serve` runs (a program of its own so that reckon
# starts without loading the HTTP server's libraries).
build: deps
	$(SWIFT) build -c release --product reckon
	$(SWIFT) build -c release --product reckon-serve

site: build
	.build/release/reckon build .

test: deps
	$(SWIFT) test --disable-xctest
	$(SWIFT) build --product reckon
	rm -rf .build/example-site
	.build/debug/reckon build . --output .build/example-site
	scripts/check-site .build/example-site
	scripts/validate-html .build/example-site
	scripts/browser-check .build/example-site --screenshots .build/screenshots
	scripts/test-checkers
