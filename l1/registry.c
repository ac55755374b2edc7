// SPDX-License-Identifier: GPL-2.0-only
#include "l1/scenario.h"

const struct scenario *const scenario_registry[] = {
#define SCENARIO(id, name, desc) &scn_##id,
#include "l1/scenarios.def"
#undef SCENARIO
};
const u32 scenario_count = ARRAY_SIZE(scenario_registry);
