// SPDX-License-Identifier: GPL-2.0-only
/* The ordered registry: each scenario's name and description from l1/scenarios.def. */
#include "l1/scenario.h"

const struct scenario_entry scenario_registry[] = {
#define SCENARIO(id, name, desc) SCENARIO_ENTRY(id, name, desc)
#include "l1/scenarios.def"
#undef SCENARIO
};
const u32 scenario_count = ARRAY_SIZE(scenario_registry);
