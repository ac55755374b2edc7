# SPDX-License-Identifier: GPL-2.0-only
# l0/sys/: what the runner needs of the system: files, processes, small utilities.
NESTLAB_SRCS += l0/sys/file.c
NESTLAB_SRCS += l0/sys/proc.c
NESTLAB_SRCS += l0/sys/util.c
NESTLAB_SRCS += l0/sys/json.c
NESTLAB_SRCS += l0/sys/diag.c

# The shape of l0/: no include or call circle among its modules, and no room using one
# above it (sys < run, backend, kvm, regress, test < main.c): scripts/check-layers.
check-layers:
	@mkdir -p $(BUILD)/check
	@scripts/check-layers l0 | sed '$$s/^/layers: /' | tee $(BUILD)/check/layers.log; \
		test "$$(tail -n 1 $(BUILD)/check/layers.log | sed -n 's/.* \([0-9]*\) failed$$/\1/p')" = 0

CHECK_TARGETS += check-layers
.PHONY: check-layers
