# evkit - small Unix filters for an events calendar and newsroom.
# Plain make; user CFLAGS/CPPFLAGS/LDFLAGS are kept, our warnings added.

VERSION   = 0.1.0
PREFIX    = /usr/local
BINDIR    = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

CC      ?= cc
CFLAGS  ?= -O2 -g
PKG_CONFIG ?= pkg-config

# Ours, put before the user's CPPFLAGS and CFLAGS so that theirs win.
# WERROR is empty for a user's make (a newer compiler's new warning must
# not stop a build); make check sets it to -Werror.
WERROR =
EV_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra $(WERROR)
# Third-party headers are seen by lib/*.c (and the unit tests) only.
DEPS_CFLAGS = $$($(PKG_CONFIG) --cflags libical libpcre2-8 libutf8proc)

# What each tool links besides libevkit.a: the libraries that the lib/
# objects it pulls out of the archive call (libical: zones, recurrence;
# pcre2: match.c; libcsv: csv.c; utf8proc: fold.c, for csv.c's header
# names and ev-filter's --category).  Found by linking without each one.
# When lib/ grows and a tool's link fails with "undefined reference to
# `pcre2_...'" (icalxxx_, csv_, utf8proc_), a module it uses now calls
# that library: add it to the tool's line here.  -lm: nothing calls it.
ICAL_LIBS  = $$($(PKG_CONFIG) --libs libical)
PCRE2_LIBS = $$($(PKG_CONFIG) --libs libpcre2-8)
CSV_LIBS   = -lcsv
UTF8PROC_LIBS = $$($(PKG_CONFIG) --libs libutf8proc)
LIBS_ev-list   = $(ICAL_LIBS) $(CSV_LIBS) $(UTF8PROC_LIBS)
LIBS_ev-filter = $(ICAL_LIBS) $(PCRE2_LIBS) $(CSV_LIBS) $(UTF8PROC_LIBS)
LIBS_ev-cal    = $(ICAL_LIBS) $(CSV_LIBS) $(UTF8PROC_LIBS)
# the unit tests and make fuzz reach into every module
DEPS_LIBS  = $(ICAL_LIBS) $(PCRE2_LIBS) $(CSV_LIBS) $(UTF8PROC_LIBS)

# Out-of-tree object directory: "make B=build-asan SAN=1" is the
# sanitizer build that "make check" runs too.
B = build
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
ifeq ($(SAN),1)
EXTRA = $(SANFLAGS)
endif

# The tools: the table of contents of the project.
TOOLS = ev-list ev-filter ev-cal news-fmt

LIBSRC = $(sort $(wildcard lib/*.c))
LIBOBJ = $(LIBSRC:lib/%.c=$(B)/lib/%.o)
LIBA   = $(B)/libevkit.a
UNITSRC = $(sort $(wildcard tests/unit/test_*.c))
UNITBIN = $(UNITSRC:tests/unit/%.c=$(B)/tests/%)
# libnews, the newsroom's library (news-fmt, to come): lib/news/, its own
# header news.h and prefix news_.  It stands on libevkit's public API and
# libevkit never on it (tests/lint.sh), as sfeed keeps libutil.a and
# libxml.a apart.  Its unit tests are tests/unit/news/test_*.c.
NEWSSRC = $(sort $(wildcard lib/news/*.c))
NEWSOBJ = $(NEWSSRC:lib/news/%.c=$(B)/lib/news/%.o)
NEWSA   = $(B)/libnews.a
NEWSUNITSRC = $(sort $(wildcard tests/unit/news/test_*.c))
NEWSUNITBIN = $(NEWSUNITSRC:tests/unit/news/%.c=$(B)/tests/news/%)
BINS    = $(TOOLS:%=$(B)/bin/%)
MAN1    = $(TOOLS:%=man/%.1)
MAN7    = man/evkit.7

all: $(BINS) $(NEWSA) links

# bin/ev-list etc. stay next to their sources for the default build.
links: $(BINS)
	@if [ "$(B)" = build ]; then for t in $(TOOLS); do \
		ln -sf ../build/bin/$$t bin/$$t; done; fi

# The compiler and flags that $(B) was built with: when they change (make
# CFLAGS=-O0, make check's WERROR) everything in $(B) is built again.
FLAGS = $(CC) $(EV_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(EXTRA) $(LDFLAGS)
$(B)/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(subst ','\'',$(FLAGS))' >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

# Every compile waits for the check of the build dependencies, so even
# "make -j" says first what to install.
$(B)/lib/%.o: lib/%.c lib/evkit.h lib/evkit_priv.h $(B)/flags | deps-ok
	@mkdir -p $(@D)
	$(CC) $(EV_CFLAGS) -Ilib $(DEPS_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(EXTRA) \
		-c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

# libnews: the base's public header, its own (news.h, news_priv.h, and
# news_lint.h inside the lint), and the third-party ones, which stay
# inside lib/news/: cmark and libyaml (the readers), utf8proc (Unicode
# classes for typo.c and the lint), hunspell (spell.c).
# (These rules have shorter stems than the lib/ and tests/ ones, so make
# takes them for lib/news/ and tests/unit/news/.)
NEWS_DEPS_CFLAGS = $$($(PKG_CONFIG) --cflags libcmark yaml-0.1 libutf8proc \
	hunspell)
NEWS_DEPS_LIBS   = $$($(PKG_CONFIG) --libs libcmark yaml-0.1 libutf8proc \
	hunspell)
$(B)/lib/news/%.o: lib/news/%.c $(wildcard lib/news/*.h) lib/evkit.h \
    $(B)/flags | deps-ok
	@mkdir -p $(@D)
	$(CC) $(EV_CFLAGS) -Ilib/news -Ilib $(NEWS_DEPS_CFLAGS) $(CPPFLAGS) \
		$(CFLAGS) $(EXTRA) -c -o $@ $<

$(NEWSA): $(NEWSOBJ)
	rm -f $@
	ar rcs $@ $(NEWSOBJ)

# libnews.a before libevkit.a, which it calls.  LIBS_news is what
# libnews calls (cmark, libyaml, utf8proc; hunspell from spell.c only)
# and what the libevkit objects it pulls in call, found as for
# LIBS_ev-list (util.o calls no library; jsonout.o's dates pull in the
# zones, libical).
LIBS_news = $(NEWS_DEPS_LIBS) $(ICAL_LIBS)
$(B)/tests/news/%: tests/unit/news/%.c tests/unit/t.h $(NEWSA) $(LIBA) \
    lib/news/news.h lib/evkit.h $(B)/flags | deps-ok
	@mkdir -p $(@D)
	$(CC) $(EV_CFLAGS) -Ilib/news -Ilib -Itests/unit $(CPPFLAGS) $(CFLAGS) \
		$(EXTRA) -o $@ $< $(NEWSA) $(LIBA) $(LDFLAGS) $(LIBS_news)

# news-fmt stands on libnews too (before libevkit.a, which it calls);
# cli.o pulls in the zones (libical) and the event readers (libcsv);
# --digest the filter's admission rule (pcre2).
LIBS_news-fmt = $(LIBS_news) $(ICAL_LIBS) $(PCRE2_LIBS) $(CSV_LIBS)
$(B)/bin/news-fmt: bin/news-fmt.c $(NEWSA) $(LIBA) lib/news/news.h \
    lib/evkit.h $(B)/flags | deps-ok
	@mkdir -p $(@D)
	$(CC) $(EV_CFLAGS) -Ilib/news -Ilib $(CPPFLAGS) $(CFLAGS) $(EXTRA) \
		-o $@ $< $(NEWSA) $(LIBA) $(LDFLAGS) $(LIBS_news-fmt)

$(B)/bin/%: bin/%.c $(LIBA) lib/evkit.h $(B)/flags | deps-ok
	@mkdir -p $(@D)
	$(CC) $(EV_CFLAGS) -Ilib $(CPPFLAGS) $(CFLAGS) $(EXTRA) -o $@ $< \
		$(LIBA) $(LDFLAGS) $(LIBS_$*)

$(B)/tests/%: tests/unit/%.c tests/unit/t.h $(LIBA) lib/evkit.h \
    lib/evkit_priv.h $(B)/flags | deps-ok
	@mkdir -p $(@D)
	$(CC) $(EV_CFLAGS) -Ilib $(DEPS_CFLAGS) -Itests/unit $(CPPFLAGS) \
		$(CFLAGS) $(EXTRA) -o $@ $< $(LIBA) $(LDFLAGS) $(DEPS_LIBS)

unit: $(UNITBIN) $(NEWSUNITBIN)

# Dependencies (tests/deps.sh): plain make checks the build's and names
# the Debian packages of what is missing; make demo and make check install
# what they need with apt-get.
DEPS = CC='$(CC)' CPPFLAGS='$(CPPFLAGS)' CFLAGS='$(CFLAGS)' \
	LDFLAGS='$(LDFLAGS)' PKG_CONFIG='$(PKG_CONFIG)' SANCC='$(SANCC)' \
	sh tests/deps.sh
deps-ok:
	@$(DEPS) build
deps-demo:
	@$(DEPS) -i demo
deps-test:
	@$(DEPS) -i test

# The sanitizer pass builds with clang, so every check compiles the code
# with both gcc (cc) and clang, -Werror.  run-tests runs in a sub-make
# given WERROR, so the makes that the tests start (tests/install.sh)
# inherit it and rebuild nothing.
SANCC = clang

check: deps-test
	@$(MAKE) --no-print-directory WERROR=-Werror run-tests

run-tests: all unit
	@$(MAKE) --no-print-directory B=build-asan SAN=1 CC=$(SANCC) \
		$(TOOLS:%=build-asan/bin/%) unit
	@sh tests/run.sh

# The HTML checks alone (tests/html.sh, part of check): vnu, axe-core in
# Debian's Chromium, and each case's assertions.
check-html: deps-test
	@$(MAKE) --no-print-directory all
	@sh tests/html.sh

# The calendars of the wild (tests/external.sh, not part of check): every
# tool over every file in $(EXTERNAL) (EXTERNAL=DIR), a corpus the
# project never copies, with the normal and the sanitizer build: no
# crash, hang or peak RSS over 64 MB; -o ics passes tests/strict_ics.py
# and reads back to the same events; the expansion equals
# tests/oracle.py's but where tests/external/notes gives the RFC 5545
# reason.  tests/external/known lists the open failures, which fail the
# run only with "sh tests/external.sh --known".  The last line reads
# "N files: N agree, N differ (N explained), N crash".  .ci/run runs it
# when the corpus is there.  It builds as make check does (-Werror), so
# that one after the other rebuilds nothing.
EXTERNAL = ../shared/external/calendars
check-external: deps-test
	@$(MAKE) --no-print-directory WERROR=-Werror run-external

run-external: all
	@$(MAKE) --no-print-directory B=build-asan SAN=1 CC=$(SANCC) \
		$(TOOLS:%=build-asan/bin/%)
	@sh tests/external.sh "$(EXTERNAL)"

demo: deps-demo
	@$(MAKE) --no-print-directory all
	@sh examples/demo.sh

install: all
	mkdir -p "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANPREFIX)/man1" \
		"$(DESTDIR)$(MANPREFIX)/man7" "$(DESTDIR)$(BASHCOMPDIR)" \
		"$(DESTDIR)$(ZSHCOMPDIR)" "$(DESTDIR)$(FISHCOMPDIR)"
	for t in $(TOOLS); do \
		cp -f $(B)/bin/$$t "$(DESTDIR)$(BINDIR)/$$t"; \
		chmod 755 "$(DESTDIR)$(BINDIR)/$$t"; \
		cp -f man/$$t.1 "$(DESTDIR)$(MANPREFIX)/man1/$$t.1"; \
		cp -f completions/$$t.bash "$(DESTDIR)$(BASHCOMPDIR)/$$t"; \
		cp -f completions/_$$t "$(DESTDIR)$(ZSHCOMPDIR)/_$$t"; \
		cp -f completions/$$t.fish "$(DESTDIR)$(FISHCOMPDIR)/$$t.fish"; \
	done
	cp -f $(MAN7) "$(DESTDIR)$(MANPREFIX)/man7/"

uninstall:
	for t in $(TOOLS); do \
		rm -f "$(DESTDIR)$(BINDIR)/$$t" \
			"$(DESTDIR)$(MANPREFIX)/man1/$$t.1" \
			"$(DESTDIR)$(BASHCOMPDIR)/$$t" \
			"$(DESTDIR)$(ZSHCOMPDIR)/_$$t" \
			"$(DESTDIR)$(FISHCOMPDIR)/$$t.fish"; \
	done
	rm -f "$(DESTDIR)$(MANPREFIX)/man7/evkit.7"

bench: all
	@sh bench/run.sh

# Coverage-guided fuzzing (clang's libFuzzer, ASan, UBSan); not part of
# check: fuzz_read (readers, filter, pass-through; fast and general
# reader paths must agree), fuzz_recur (expansion), fuzz_typo
# (typography: valid UTF-8, idempotent, protected spans kept),
# fuzz_lint (findings inside their text, in order, fixes valid UTF-8,
# protected spans unchecked) and fuzz_article (the article readers; -o md
# reads back into the same bytes), FUZZTIME seconds each.  Seeds are the
# test data; crashes land in build-fuzz/.  FUZZ=NAME runs one harness.
FUZZTIME = 300
FUZZ = fuzz_read fuzz_recur fuzz_typo fuzz_lint fuzz_article
fuzz: deps-test
	@mkdir -p build-fuzz/corpus build-fuzz/rcorpus build-fuzz/tcorpus \
		build-fuzz/lcorpus build-fuzz/acorpus
	for f in $(FUZZ); do \
		clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 \
		    -fsanitize=fuzzer,address,undefined -Ilib/news -Ilib \
		    $(DEPS_CFLAGS) $(NEWS_DEPS_CFLAGS) -o build-fuzz/$$f \
		    tests/fuzz/$$f.c $(LIBSRC) $(NEWSSRC) \
		    $(DEPS_LIBS) $(LIBS_news) || exit 1; done
	for f in tests/data/*.ics tests/data/*.csv tests/data/*.tsv \
	    examples/*.ics examples/*.csv; do \
		cp "$$f" "build-fuzz/corpus/$$(echo "$$f" | tr / _)"; done
	cp tests/fuzz/recur-seeds/* build-fuzz/rcorpus/
	cp tests/fuzz/typo-seeds/* build-fuzz/tcorpus/
	cp tests/fuzz/typo-seeds/* examples/artikel.txt build-fuzz/lcorpus/
	for f in examples/artikel.* tests/data/news/* tests/cli/news-fmt/*.in; do \
		cp "$$f" "build-fuzz/acorpus/$$(echo "$$f" | tr / _)"; done
	for f in $(FUZZ); do \
		case $$f in \
		fuzz_read) a="-dict=../tests/fuzz/ics.dict -max_len=3000 -timeout=10 corpus" ;; \
		fuzz_recur) a="-dict=../tests/fuzz/recur.dict -max_len=400 -timeout=5 rcorpus" ;; \
		fuzz_typo) a="-dict=../tests/fuzz/typo.dict -max_len=2000 -timeout=5 tcorpus" ;; \
		fuzz_lint) a="-dict=../tests/fuzz/typo.dict -max_len=2000 -timeout=5 lcorpus" ;; \
		fuzz_article) a="-dict=../tests/fuzz/article.dict -max_len=4000 -timeout=10 acorpus" ;; \
		*) echo "make fuzz: no harness $$f" >&2; exit 2 ;; \
		esac; \
		(cd build-fuzz && ./$$f -max_total_time=$(FUZZTIME) $$a) || exit 1; \
	done

clean:
	rm -rf build build-asan build-fuzz
	for t in $(TOOLS); do rm -f bin/$$t; done

.PHONY: all links unit deps-ok deps-demo deps-test check check-html run-tests \
	check-external run-external demo install uninstall bench fuzz clean FORCE
