# ---- benchmark ---------------------------------------------------------------
# make bench: prints, for the bundled data and for 1 000 generated county
# sheets, wall time, sheets per second, ms per page, peak RSS and PDF bytes,
# beside a naive Cairo + Pango baseline (bench/baseline.c), and a summary of
# the targets. It measures and never fails on a missed target.
.PHONY: bench

out/bench/baseline: bench/baseline.c | deps
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) -O2 -std=c11 $< $(shell pkg-config --cflags --libs pangocairo jansson) -o $@

bench: $(BIN) out/bench/baseline
	@BIN=$(BIN) sh bench/run.sh
