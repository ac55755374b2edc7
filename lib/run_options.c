// SPDX-License-Identifier: GPL-2.0-only
#include "lib/run_options.h"

const struct run_option_info run_option_table[RUNOPT_COUNT] = {
#define X(id, name, sh, type, min, max, key, arg, help) \
	[RUNOPT_##id] = { name, sh, RUNOPT_##type, min, max, key, arg, help },
	RUN_OPTIONS(X)
#undef X
};
