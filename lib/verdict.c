// SPDX-License-Identifier: GPL-2.0-only
#include "lib/verdict.h"
#include "lib/string.h"

static const struct {
	const char *name, *key;
	bool guest;
} verdicts[VERDICT_COUNT] = {
#define X(id, name, guest, key) [VERDICT_##id] = { name, key, guest },
	VERDICTS(X)
#undef X
};

const char *verdict_name(enum verdict v)
{
	return (unsigned)v < VERDICT_COUNT ? verdicts[v].name : "<unknown>";
}

enum verdict verdict_from_guest(const char *name, size_t len)
{
	for (unsigned v = 0; name && v < VERDICT_COUNT; v++)
		if (verdicts[v].guest && strlen(verdicts[v].name) == len && !memcmp(verdicts[v].name, name, len))
			return (enum verdict)v;
	return VERDICT_NONE;
}

enum verdict verdict_find(const char *name)
{
	for (unsigned v = 0; name && v < VERDICT_COUNT; v++)
		if (!strcmp(verdicts[v].name, name))
			return (enum verdict)v;
	return VERDICT_NONE;
}

const char *verdict_key(enum verdict v)
{
	return (unsigned)v < VERDICT_COUNT ? verdicts[v].key : "errors";
}
