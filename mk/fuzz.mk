# ---- fuzzing -------------------------------------------------------------------
# make fuzz: the libFuzzer harnesses tests/fuzz/fuzz_sheet.c (loader, validation,
# layout and rendering on arbitrary bytes) and tests/fuzz/fuzz_csv.c (the CSV
# reader of import) under ASan + UBSan, first replaying every past crash
# (tests/fuzz/crashes/, tests/fuzz/crashes-csv/), then fuzzing each for FUZZ_SECONDS.
# Needs clang and its fuzzer runtime (Debian clang-14, libclang-rt-14-dev).
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: deps $(MO)
	@sh tools/deps.sh fuzz
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)
