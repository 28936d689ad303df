# ---- benchmark ---------------------------------------------------------------
# make bench: prints, for the bundled data and for 1 000 generated county
# sheets, wall time, sheets per second, ms per page, peak RSS and PDF bytes,
# beside a naive Cairo + Pango baseline (bench/baseline.c), and a summary of
# the targets, and what the archive pass costs per sheet (bench/archive_pass.c).
# It measures and never fails on a missed target.
.PHONY: bench

out/bench/baseline: bench/baseline.c | deps
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) -O2 -std=c11 $< $(shell pkg-config --cflags --libs pangocairo jansson) -o $@

bench: $(BIN) out/bench/baseline out/bench/archive_pass
	@BIN=$(BIN) ARCHIVE_PASS=out/bench/archive_pass sh bench/run.sh

# The archive pass alone (bench/archive_pass.c): it includes render.c, so it
# links every object of the program but render.o and main.o.
out/bench/archive_pass: bench/archive_pass.c $(filter-out $(BUILD)/render/render.o,$(LIB_OBJ)) | deps
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $^ $(LDLIBS) -o $@
