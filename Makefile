# factsheet — health fact sheets from JSON to print-ready PDF.
#
#   make            set up missing packages, build bin/factsheet, render data/*.json into out/
#   make build      only build; make sheets: only render (building what it needs)
#   make test       the same as make, plus the test tools, then every test (last line: N passed, N failed)
#   make SANITIZE=1 test   the whole suite under ASan + UBSan
#   make update-refs       refresh the reference images in tests/ref (look at them first!)
#   make clean

VERSION   := 0.1.0
PKGS      := cairo pangocairo pangoft2 fontconfig jansson libqpdf libzip libxml-2.0 harfbuzz-subset
SANITIZE  ?=

# Flags are recursively expanded, so pkg-config runs after deps.sh installed it.
WARNINGS  := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wformat=2 -Wvla -Wwrite-strings
ifeq ($(SANITIZE),1)
BUILD     := out/asan
OPT       := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
BIN       := out/asan/bin/factsheet
export ASAN_OPTIONS  := detect_leaks=1:abort_on_error=0:exitcode=99
export LSAN_OPTIONS  := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
else
BUILD     := out/build
OPT       := -O2 -g
BIN       := bin/factsheet
endif
CFLAGS    ?=
LDFLAGS   ?=
# Debian's python3 carries the modules deps.sh installs (fontTools, jsonschema).
PYTHON    ?= $(firstword $(wildcard /usr/bin/python3) python3)
CPPFLAGS  += -D_GNU_SOURCE -DFACTSHEET_VERSION='"$(VERSION)"' -Iinclude -I$(BUILD)/gen
ALL_CFLAGS = -std=c11 $(OPT) $(WARNINGS) $(CFLAGS) $(shell pkg-config --cflags $(PKGS))
# The OFD writer's libraries are not linked: src/render/ofd_libs.c opens them
# by their sonames (tools/ofd-sonames.sh) when an OFD is first written, so a
# PDF run never loads them.
OFD_PKGS  := libzip libxml-2.0 harfbuzz-subset
LDLIBS     = $(shell pkg-config --libs $(filter-out $(OFD_PKGS),$(PKGS))) -lm

LIB_SRC   := $(sort $(wildcard src/*/*.c))
LIB_OBJ   := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
MAIN_OBJ  := $(BUILD)/main.o
DATA      := $(sort $(wildcard data/*.json))
PDFS      := $(DATA:data/%.json=out/%.pdf)

.PHONY: all sheets deps deps-test build test update-refs clean check check-layers check-format fonts pot
.DELETE_ON_ERROR:

BOOK      := out/trends.pdf

# `make` builds and renders, as the office expects; `make build` only
# builds, `make sheets` only renders (building what it needs).
all: build $(if $(SANITIZE),,sheets)
sheets: $(PDFS) $(BOOK)

# Message catalogs: po/<lang>.po -> out/locale/<lang>/LC_MESSAGES/factsheet.mo,
# where the program looks beside its build (share/locale when installed).
PO        := $(wildcard po/*.po)
MO        := $(PO:po/%.po=out/locale/%/LC_MESSAGES/factsheet.mo)

build: $(BIN) $(MO)

out/locale/%/LC_MESSAGES/factsheet.mo: po/%.po | deps
	@mkdir -p $(dir $@)
	@echo "MSGFMT  $<"
	@msgfmt --check -o $@ $<

# Refresh the template after changing messages; merge into the catalogs.
pot:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --language=C --add-comments=TRANSLATORS \
	    --package-name=factsheet --package-version=$(VERSION) -o po/factsheet.pot \
	    src/*.c src/*/*.c
	for po in $(PO); do msgmerge -q --update --backup=none $$po po/factsheet.pot; done

deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

$(BUILD)/%.o: src/%.c | deps
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The sRGB profile of the PDF's output intent, from a Debian package, built
# into the program as a list of bytes (no file needed at run time).
$(BUILD)/gen/srgb_icc.inc: tools/find-srgb.sh | deps
	@mkdir -p $(dir $@)
	@icc=$$(sh tools/find-srgb.sh) && echo "GEN     $$icc -> $@" && \
	    od -An -v -tx1 "$$icc" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' >$@.tmp && mv $@.tmp $@
$(BUILD)/render/pdfpost.o: $(BUILD)/gen/srgb_icc.inc

$(BUILD)/gen/ofd_sonames.h: tools/ofd-sonames.sh | deps
	@mkdir -p $(dir $@)
	@sh tools/ofd-sonames.sh >$@.tmp && mv $@.tmp $@
$(BUILD)/render/ofd_libs.o: $(BUILD)/gen/ofd_sonames.h

$(BIN): $(LIB_OBJ) $(MAIN_OBJ)
	@mkdir -p $(dir $@)
	@echo "LINK    $@"
	@$(CC) $(OPT) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

# One process per file keeps make incremental: touching one data file
# re-renders only its sheet. A year still being filled in (factsheet new)
# renders as a draft marked 草稿 with one warning, and never stops the others.
out/%.pdf: data/%.json $(BIN) fonts/fonts.conf $(wildcard data/targets/*.json)
	@mkdir -p out
	@echo "RENDER  $< -> $@"
	@$(BIN) --draft=auto -o $@ $<

# The prepared fonts are committed; `make fonts` remakes them from Debian's
# fonts-noto-cjk and the Fandol fonts of texlive-lang-chinese (downloaded
# once into out/deb/, not installed; about two minutes; needs python3-fonttools).
fonts: deps
	@$(PYTHON) -c 'import fontTools' 2>/dev/null || sh tools/deps.sh fonts
	@sh tools/fetch-fandol.sh out/fandol
	$(PYTHON) tools/make-fonts.py fonts out/fandol
	@cp out/fandol/COPYING fonts/Fandol-COPYING.txt

# A sheet also reads the earlier years beside it (changes against the
# previous year, lines over the years): it depends on their files too, and
# only on those. Years compare as strings, which orders four-digit years.
YEARS     := $(basename $(notdir $(DATA)))
earlier    = $(foreach x,$(YEARS),$(if $(filter-out $(1),$(x)),$(if $(filter $(x),$(firstword $(sort $(x) $(1)))),data/$(x).json)))
$(foreach y,$(YEARS),$(eval out/$(y).pdf: $(call earlier,$(y))))

# The multi-year book, from every year's file and data/book/; drafts are
# left out of it, and its years are those with figures.
$(BOOK): $(DATA) $(wildcard data/book/*.json) $(BIN) fonts/fonts.conf $(wildcard data/targets/*.json)
	@mkdir -p out
	@echo "BOOK    data/ -> $@"
	@$(BIN) --book -o $@ $(lastword $(DATA))

# ---- tests ----------------------------------------------------------------
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN  := $(BUILD)/tests/imgdiff

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB_OBJ) | deps-test
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) $< $(LIB_OBJ) \
	    $(LDLIBS) $(shell pkg-config --libs cmocka) -o $@

$(TOOL_BIN): tests/tools/imgdiff.c | deps-test
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $< $(LDLIBS) -o $@

# The independent OFD reader of tests/ofd.inc.sh: ofd.js from npm, as
# tests/ofdjs/package-lock.json pins it, into out/ofdjs. Without the network
# the test says it skipped the reader.
OFDJS     := out/ofdjs/node_modules/ofd.js/lib/ofd.umd.js
$(OFDJS): tests/ofdjs/package.json tests/ofdjs/package-lock.json | deps-test
	@mkdir -p out/ofdjs
	@cp tests/ofdjs/package.json tests/ofdjs/package-lock.json out/ofdjs/
	@echo "NPM     ofd.js into out/ofdjs"
	@if (cd out/ofdjs && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null); \
	then touch -c $@; else echo "npm ci failed in out/ofdjs: make test will skip the OFD reader"; fi

test: deps-test build $(UNIT_BIN) $(TOOL_BIN) $(OFDJS) check-layers
	@BIN=$(BIN) BUILD=$(BUILD) SANITIZE=$(SANITIZE) PYTHON=$(PYTHON) sh tests/run.sh

update-refs: build $(TOOL_BIN)
	@BIN=$(BIN) BUILD=$(BUILD) sh tests/update-refs.sh

# The layers of STYLE.md: each library has one home.
check-layers:
	@sh tools/check-layers.sh

# The C sources as .clang-format lays them out (clang-format -i FILE fixes one).
FORMATTED := $(wildcard src/*.c src/*/*.c src/*/*.h include/*/*.h tests/unit/*.c tests/tools/*.c \
                        tests/fuzz/*.c bench/*.c)
check-format: | deps-test
	@clang-format --style=file --dry-run --Werror $(FORMATTED)

# Static checks: the layers and banned functions, the format.
check: check-layers check-format

clean:
	rm -rf out bin

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
# Further targets (install, bench, fuzz) live in mk/, one file each.
-include $(sort $(wildcard mk/*.mk))
