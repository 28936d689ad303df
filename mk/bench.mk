# ---- benchmark ---------------------------------------------------------------
# make bench: prints instruction counts from callgrind (the stable figure on a
# shared machine) and wall-time medians with the machine's load beside them,
# for the 2025 sheet, the bundled data and 1 000 generated county sheets;
# sheets per second, peak RSS and PDF bytes; beside the floor (bench/floor.c:
# a process that only starts, loads our fonts and writes an empty PDF) and a
# slow comparator (bench/comparator.c: plain Cairo + Pango with the system's
# fonts); and a summary of the targets. It measures and never fails on a
# missed target. Also what the archive pass costs per sheet
# (bench/archive_pass.c).
.PHONY: bench

out/bench/comparator: bench/comparator.c | deps
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) -O2 -std=c11 $< $(shell pkg-config --cflags --libs pangocairo jansson) -o $@

# Linked like bin/factsheet, from the same objects.
out/bench/floor: bench/floor.c $(LIB_OBJ) | deps
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $< $(LIB_OBJ) $(LDLIBS) -o $@

bench: deps-test $(BIN) $(MO) out/bench/comparator out/bench/floor out/bench/archive_pass
	@BIN=$(BIN) ARCHIVE_PASS=out/bench/archive_pass sh bench/run.sh

# The archive pass alone (bench/archive_pass.c): it includes render.c, so it
# links every object of the program but render.o and main.o.
out/bench/archive_pass: bench/archive_pass.c $(filter-out $(BUILD)/render/render.o,$(LIB_OBJ)) | deps
	@mkdir -p $(dir $@)
	@echo "CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $^ $(LDLIBS) -o $@
