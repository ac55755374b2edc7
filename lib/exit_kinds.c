// SPDX-License-Identifier: GPL-2.0-only
#include "lib/exit_kinds.h"

static const struct {
	const char *name, *desc;
} exit_kinds[XK_COUNT] = {
#define X(id, desc) [XK_##id] = { #id, desc },
	EXIT_KINDS(X)
#undef X
};

const char *exit_kind_name(enum exit_kind k)
{
	return (unsigned)k < XK_COUNT ? exit_kinds[k].name : "<unknown>";
}

const char *exit_kind_desc(enum exit_kind k)
{
	return (unsigned)k < XK_COUNT ? exit_kinds[k].desc : "<unknown>";
}
