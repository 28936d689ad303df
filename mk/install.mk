# install.mk — `make install` and `make uninstall`, included by the Makefile.
#
#   make install   [PREFIX=/usr/local] [DESTDIR=]
#   make uninstall [PREFIX=/usr/local] [DESTDIR=]
#
# Installs, under $(DESTDIR)$(PREFIX):
#   bin/factsheet
#   share/man/man1/factsheet.1
#   share/factsheet/schema/*.json            the JSON Schemas, for editors
#   share/factsheet/fonts/                   fonts.conf, the *.otf, OFL.txt, Fandol-COPYING.txt, README.md
#   share/factsheet/examples/*.json          the bundled years git tracks, with targets/
#   share/locale/LANG/LC_MESSAGES/factsheet.mo   one per po/LANG.po
# The program finds its fonts and catalogs from where it runs
# (BINDIR/../share/factsheet/fonts/fonts.conf, BINDIR/../share/locale), so
# nothing of PREFIX is compiled in and DESTDIR staging needs no rebuild. The
# layout below bin and share is therefore fixed; only PREFIX, DESTDIR and
# mandir may be changed.
#
# `make uninstall` removes exactly the files `make install` writes, then the
# directories of share/factsheet left empty; shared directories (bin,
# share/man/man1, share/locale/...) stay.

PREFIX        ?= /usr/local
DESTDIR       ?=
INSTALL       ?= install
mandir        ?= $(PREFIX)/share/man
inst_bindir   := $(PREFIX)/bin
inst_datadir  := $(PREFIX)/share/factsheet
inst_localedir := $(PREFIX)/share/locale

INST_SCHEMAS  := $(sort $(wildcard schema/*.json))
INST_FONTS    := fonts/fonts.conf $(sort $(wildcard fonts/*.otf)) fonts/OFL.txt fonts/Fandol-COPYING.txt \
                 fonts/README.md
# Only the example data git tracks: a year being drafted in data/ (factsheet
# new) is the clerk's work, not an example. Outside a git checkout (a
# release tarball) every file there is an example.
in_git        := $(shell git rev-parse --is-inside-work-tree 2>/dev/null)
examples       = $(sort $(if $(in_git),$(filter $(wildcard $(1)),$(shell git ls-files -- ':(glob)$(1)')),$(wildcard $(1))))
INST_EXAMPLES := $(call examples,data/*.json)
INST_TARGETS  := $(call examples,data/targets/*.json)
INST_BOOK     := $(call examples,data/book/*.json)
# out/locale/LANG/LC_MESSAGES/factsheet.mo -> LANG
INST_LANGS    := $(patsubst out/locale/%/LC_MESSAGES/factsheet.mo,%,$(MO))

.PHONY: install uninstall

install: build man/factsheet.1
	@echo "INSTALL $(DESTDIR)$(PREFIX)"
	@$(INSTALL) -d "$(DESTDIR)$(inst_bindir)" "$(DESTDIR)$(mandir)/man1" \
	    "$(DESTDIR)$(inst_datadir)/schema" "$(DESTDIR)$(inst_datadir)/fonts" \
	    "$(DESTDIR)$(inst_datadir)/examples/targets" "$(DESTDIR)$(inst_datadir)/examples/book"
	@$(INSTALL) -m 0755 $(BIN) "$(DESTDIR)$(inst_bindir)/factsheet"
	@$(INSTALL) -m 0644 man/factsheet.1 "$(DESTDIR)$(mandir)/man1/factsheet.1"
	@$(INSTALL) -m 0644 $(INST_SCHEMAS) "$(DESTDIR)$(inst_datadir)/schema/"
	@$(INSTALL) -m 0644 $(INST_FONTS) "$(DESTDIR)$(inst_datadir)/fonts/"
	@$(INSTALL) -m 0644 $(INST_EXAMPLES) "$(DESTDIR)$(inst_datadir)/examples/"
	@$(INSTALL) -m 0644 $(INST_TARGETS) "$(DESTDIR)$(inst_datadir)/examples/targets/"
	@$(INSTALL) -m 0644 $(INST_BOOK) "$(DESTDIR)$(inst_datadir)/examples/book/"
	@for lang in $(INST_LANGS); do \
	    $(INSTALL) -d "$(DESTDIR)$(inst_localedir)/$$lang/LC_MESSAGES" && \
	    $(INSTALL) -m 0644 "out/locale/$$lang/LC_MESSAGES/factsheet.mo" \
	        "$(DESTDIR)$(inst_localedir)/$$lang/LC_MESSAGES/factsheet.mo" || exit 1; \
	done

uninstall:
	@echo "UNINSTALL $(DESTDIR)$(PREFIX)"
	@rm -f "$(DESTDIR)$(inst_bindir)/factsheet" "$(DESTDIR)$(mandir)/man1/factsheet.1"
	@rm -f $(foreach f,$(INST_SCHEMAS),"$(DESTDIR)$(inst_datadir)/schema/$(notdir $(f))")
	@rm -f $(foreach f,$(INST_FONTS),"$(DESTDIR)$(inst_datadir)/fonts/$(notdir $(f))")
	@rm -f $(foreach f,$(INST_EXAMPLES),"$(DESTDIR)$(inst_datadir)/examples/$(notdir $(f))")
	@rm -f $(foreach f,$(INST_TARGETS),"$(DESTDIR)$(inst_datadir)/examples/targets/$(notdir $(f))")
	@rm -f $(foreach f,$(INST_BOOK),"$(DESTDIR)$(inst_datadir)/examples/book/$(notdir $(f))")
	@for lang in $(INST_LANGS); do \
	    rm -f "$(DESTDIR)$(inst_localedir)/$$lang/LC_MESSAGES/factsheet.mo"; \
	done
	@for d in examples/targets examples/book examples fonts schema ""; do \
	    if [ -d "$(DESTDIR)$(inst_datadir)/$$d" ]; then \
	        rmdir "$(DESTDIR)$(inst_datadir)/$$d" 2>/dev/null || \
	            echo "uninstall: kept $(DESTDIR)$(inst_datadir)/$$d: it holds files not installed by make install"; \
	    fi; \
	done
