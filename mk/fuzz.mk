# ---- fuzzing -------------------------------------------------------------------
# make fuzz: the libFuzzer harness tests/fuzz/fuzz_sheet.c (loader, validation,
# layout and rendering on arbitrary bytes) under ASan + UBSan, first replaying
# every past crash in tests/fuzz/crashes/, then fuzzing for FUZZ_SECONDS.
# Needs clang and its fuzzer runtime (Debian clang-14, libclang-rt-14-dev).
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: deps $(MO)
	@sh tools/deps.sh fuzz
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)
