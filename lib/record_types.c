// SPDX-License-Identifier: GPL-2.0-only
#include "lib/record_types.h"
#include "lib/string.h"

static const struct {
	const char *name;
	enum record_scope scope;
	enum record_writer writer;
} record_types[RECORD_TYPE_COUNT] = {
#define X(id, name, scope, writer) [RECORD_##id] = { name, RECORD_SCOPE_##scope, RECORD_BY_##writer },
	RECORD_TYPES(X)
#undef X
};

const char *record_type_name(enum record_type t)
{
	return (unsigned)t < RECORD_TYPE_COUNT ? record_types[t].name : "<unknown>";
}

enum record_scope record_type_scope(enum record_type t)
{
	return (unsigned)t < RECORD_TYPE_COUNT ? record_types[t].scope : RECORD_SCOPE_RUN;
}

enum record_writer record_type_writer(enum record_type t)
{
	return (unsigned)t < RECORD_TYPE_COUNT ? record_types[t].writer : RECORD_BY_L1;
}

enum record_type record_type_find(const char *name)
{
	for (unsigned t = 0; name && t < RECORD_TYPE_COUNT; t++)
		if (!strcmp(record_types[t].name, name))
			return (enum record_type)t;
	return RECORD_TYPE_UNKNOWN;
}
