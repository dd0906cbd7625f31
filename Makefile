# mailprof build. `make demo` and `make check` install missing Debian
# packages first (see `deps`), so both work on a fresh machine.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
PKG_CONFIG ?= pkg-config
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
# The library's version (include/mailprof.h); the soname carries its major.
VERSION := $(shell sed -n 's/^\#define MAILPROF_VERSION "\(.*\)"/\1/p' include/mailprof.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
CC ?= cc
B ?= build

DEPS_PKGS = libxml2-dev libinih-dev libssl-dev libcurl4-openssl-dev libcriterion-dev pkg-config libxml2-utils python3-jsonschema

XML_CFLAGS := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null)
XML_LIBS := $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null)
CRYPTO_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcrypto 2>/dev/null)
CRYPTO_LIBS := $(shell $(PKG_CONFIG) --libs libcrypto 2>/dev/null || echo -lcrypto)
# probe: libcurl for IMAP/POP3/SMTP, libssl for the TLS session's certificate
CURL_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcurl libssl 2>/dev/null)
# libcurl itself is not linked: src/probe/session.c loads it on the first probe.
CURL_LIBS := $(shell $(PKG_CONFIG) --libs libssl 2>/dev/null || echo -lssl)
INIH_CFLAGS := $(shell $(PKG_CONFIG) --cflags inih 2>/dev/null)
INIH_LIBS := $(shell $(PKG_CONFIG) --libs inih 2>/dev/null || echo -linih)
CRIT_CFLAGS := $(shell $(PKG_CONFIG) --cflags criterion 2>/dev/null)
CRIT_LIBS := $(shell $(PKG_CONFIG) --libs criterion 2>/dev/null || echo -lcriterion)

WARN = -Wall -Wextra -Werror -Wshadow -Wconversion -Wformat=2 -Wstrict-prototypes -Wno-sign-conversion
OPT ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(OPT) -fPIC \
	-fvisibility=hidden -Iinclude -Isrc -I$(B) $(XML_CFLAGS) $(INIH_CFLAGS) $(CRYPTO_CFLAGS) $(CURL_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LIBS = $(XML_LIBS) $(INIH_LIBS) $(CURL_LIBS) $(CRYPTO_LIBS) -lpthread

# The command (src/cli/) sees the public header only: the compiler enforces
# that it uses the library through include/mailprof.h.
CLI_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(OPT) -Iinclude $(CPPFLAGS) $(CFLAGS)
LIB_SRC = $(filter-out src/cli/%,$(wildcard src/*.c src/*/*.c))
CLI_SRC = $(wildcard src/cli/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(B)/%.o) $(B)/schemas.o
CLI_OBJ = $(CLI_SRC:%.c=$(B)/%.o)
TEST_SRC = $(wildcard tests/*.c)
# The fuzz harnesses, compiled into the test runner too (each under its own
# entry name) so make check replays their corpora and crash regressions.
FUZZ_HARNESSES = $(wildcard tests/fuzz/fuzz_*.c)
# fuzz_report drives the command's reporters: it links these (report.c spools JUnit through codec.c).
FUZZ_REPORT_OBJ = $(B)/src/cli/report.o $(B)/src/cli/out.o $(B)/src/cli/codec.o
TEST_OBJ = $(TEST_SRC:%.c=$(B)/%.o) $(FUZZ_HARNESSES:%.c=$(B)/%.o)
SCHEMAS = $(wildcard schemas/*.xsd)

.PHONY: all demo check test sanitize valgrind deps install uninstall install-check clean golden bench e2e docs fuzz fuzz-build fuzz-deps deb deb-deps ship-test

all: $(B)/mailprof $(B)/libmailprof.a $(B)/libmailprof.so

$(B)/%.o: %.c $(wildcard src/*.h src/*/*.h include/*.h src/*.def)
	@mkdir -p $(dir $@)
	@echo "CC $<"; $(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/src/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h include/*.h)
	@mkdir -p $(dir $@)
	@echo "CC $<"; $(CC) $(CLI_CFLAGS) -c $< -o $@

# Schemas are compiled into the library so it never looks for files at run time.
$(B)/schemas.c: $(SCHEMAS) tools/embed-schemas.sh
	@mkdir -p $(B)
	sh tools/embed-schemas.sh $(SCHEMAS) > $@.tmp && mv $@.tmp $@

$(B)/schemas.o: $(B)/schemas.c
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(B)/libmailprof.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/libmailprof.so: $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,libmailprof.so.$(SOMAJOR) -o $@ $^ $(LIBS) $(LDFLAGS)

$(B)/mailprof: $(CLI_OBJ) $(B)/libmailprof.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(B)/libmailprof.a $(LIBS) $(LDFLAGS)

$(B)/tests/%.o: tests/%.c $(wildcard tests/*.h include/*.h src/*.h src/*/*.h src/*.def)
	@mkdir -p $(dir $@)
	@echo "CC $<"; $(CC) $(ALL_CFLAGS) $(CRIT_CFLAGS) -Wno-conversion -c $< -o $@

$(B)/tests/fuzz/fuzz_%.o: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(wildcard include/*.h src/*.h src/*/*.h src/*.def)
	@mkdir -p $(dir $@)
	@echo "CC $<"; $(CC) $(ALL_CFLAGS) -D_GNU_SOURCE -Isrc/cli -Wno-conversion -DFUZZ_ENTRY=fuzz_$*_one -c $< -o $@

$(B)/test-runner: $(TEST_OBJ) $(FUZZ_REPORT_OBJ) $(B)/libmailprof.a
	$(CC) $(ALL_CFLAGS) -o $@ $(TEST_OBJ) $(FUZZ_REPORT_OBJ) $(B)/libmailprof.a $(CRIT_LIBS) $(LIBS) $(LDFLAGS)

# Install what is missing (Debian); a no-op when everything is there.
deps:
	@missing=""; for p in $(DEPS_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Re-invoke make after deps so pkg-config flags are read with the packages present.
demo: deps
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh $(B)/mailprof

check: deps
	@$(MAKE) --no-print-directory $(B)/mailprof $(B)/test-runner
	python3 tools/layers.py
	MAILPROF=$(B)/mailprof $(B)/test-runner --jobs 2 $(TESTFLAGS)
	@$(MAKE) --no-print-directory install-check

test: check

# make install into a staging folder, then build docs/examples/list-servers.c
# with `pkg-config --cflags --libs mailprof` against it and run it.
install-check: all
	sh tools/install-check.sh $(B)

sanitize: deps
	@$(MAKE) --no-print-directory B=build-asan OPT='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	  LDFLAGS='-fsanitize=address,undefined' build-asan/mailprof build-asan/test-runner
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp:print_suppressions=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  MAILPROF=build-asan/mailprof build-asan/test-runner --jobs 2 $(TESTFLAGS)

# Real clients against real Dovecot + Postfix on 127.0.0.1 (root; installs
# the Debian packages it needs, prints a SKIP when it cannot).
e2e: deps
	@$(MAKE) --no-print-directory $(B)/mailprof
	bash tests/e2e/run.sh $(B)/mailprof

valgrind: all $(B)/test-runner
	sh tools/valgrind.sh $(B)/mailprof

golden: all
	sh tools/golden.sh $(B)/mailprof

# Coverage-guided fuzzing with libFuzzer (clang): one harness per input kind
# (tests/fuzz/fuzz_*.c, docs/fuzzing.md), each seeded with its committed
# corpus (tests/fuzz/corpus/NAME) and every sample, with a dictionary
# (tests/fuzz/dict/NAME.dict). FUZZ_SECONDS per harness; FUZZERS to pick.
# make check replays every corpus and crash regression without clang.
FUZZ_SECONDS ?= 60
FUZZERS ?= parse check template report
FUZZ_SAN = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_PKGS = clang libclang-rt-dev
fuzz-deps: deps
	@missing=""; for p in $(FUZZ_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

fuzz-build: fuzz-deps
	@# Warnings are gcc's job (make all); clang's own (-Wstring-plus-int) must not stop fuzzing.
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang OPT='$(FUZZ_SAN) -fsanitize=fuzzer-no-link' CFLAGS=-Wno-error \
	  build-fuzz/libmailprof.a $(FUZZ_REPORT_OBJ:$(B)/%=build-fuzz/%)
	for h in $(FUZZERS); do \
	  extra=""; [ $$h = report ] && extra="$(FUZZ_REPORT_OBJ:$(B)/%=build-fuzz/%)"; \
	  clang -std=c11 -D_GNU_SOURCE $(FUZZ_SAN) -fsanitize=fuzzer -Iinclude -Isrc -Isrc/cli $(XML_CFLAGS) \
	    tests/fuzz/fuzz_$$h.c $$extra build-fuzz/libmailprof.a $(LIBS) -o build-fuzz/fuzz_$$h || exit 1; \
	done

fuzz: fuzz-build
	sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZERS)

# Batch benchmark against xmllint (not a test; see bench/bench.sh). BENCH_N=3000 for a quick run.
bench: all
	sh bench/bench.sh $(B)/mailprof $(BENCH_N)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(DATADIR)/mailprof/schemas $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PKGCONFIGDIR)
	install -m 0755 $(B)/mailprof $(DESTDIR)$(BINDIR)/mailprof
	install -m 0644 $(B)/libmailprof.a $(DESTDIR)$(LIBDIR)/libmailprof.a
	install -m 0755 $(B)/libmailprof.so $(DESTDIR)$(LIBDIR)/libmailprof.so.$(VERSION)
	ln -sf libmailprof.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libmailprof.so.$(SOMAJOR)
	ln -sf libmailprof.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libmailprof.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	  -e 's|@VERSION@|$(VERSION)|' mailprof.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/mailprof.pc
	chmod 0644 $(DESTDIR)$(PKGCONFIGDIR)/mailprof.pc
	install -m 0644 include/mailprof.h $(DESTDIR)$(INCLUDEDIR)/mailprof.h
	install -m 0644 $(SCHEMAS) $(DESTDIR)$(DATADIR)/mailprof/schemas/
	install -m 0644 docs/mailprof.1 $(DESTDIR)$(MANDIR)/man1/mailprof.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mailprof $(DESTDIR)$(LIBDIR)/libmailprof.a \
	  $(DESTDIR)$(LIBDIR)/libmailprof.so $(DESTDIR)$(LIBDIR)/libmailprof.so.$(SOMAJOR) \
	  $(DESTDIR)$(LIBDIR)/libmailprof.so.$(VERSION) $(DESTDIR)$(PKGCONFIGDIR)/mailprof.pc \
	  $(DESTDIR)$(INCLUDEDIR)/mailprof.h $(DESTDIR)$(MANDIR)/man1/mailprof.1
	rm -rf $(DESTDIR)$(DATADIR)/mailprof

# Debian packages (debian/): mailprof, libmailprof0, libmailprof-dev (+ -dbgsym)
# into $(B)/. dpkg-buildpackage writes beside the source tree, so the files
# named in the .changes are moved here. The package build uses its own build
# folder (build-deb), so build/ and build-asan/ survive it.
deb: deb-deps
	dpkg-buildpackage -us -uc -b
	@mkdir -p $(B)
	@v=$$(dpkg-parsechangelog -S Version); a=$$(dpkg-architecture -qDEB_HOST_ARCH); \
	c=../mailprof_$${v}_$${a}.changes; \
	for f in $$(sed -n '/^Files:/,/^[^ ]/s/^ [0-9a-f]* [0-9]* [^ ]* [^ ]* //p' $$c); do \
	  mv -f ../$$f $(B)/; done; mv -f $$c $(B)/; \
	ls -l $(B)/*_$${v}_*.deb

# The packaging tools and the Build-Depends of debian/control (Debian).
deb-deps:
	@if ! command -v dpkg-buildpackage >/dev/null || ! command -v dh >/dev/null || \
	    ! dpkg-checkbuilddeps >/dev/null 2>&1; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    dpkg-dev debhelper fakeroot build-essential && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get build-dep -y -qq ./; \
	fi

# The shipping checks locally (packages unpacked, not installed): tests/ship/run.sh.
ship-test:
	bash tests/ship/run.sh

clean:
	rm -rf build build-asan build-fuzz

# docs/rules.md is generated from the rules table (a test fails when stale).
docs: all
	$(B)/mailprof rules --format markdown > docs/rules.md
