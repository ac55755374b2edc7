// SPDX-License-Identifier: GPL-2.0-only
#include <string.h>

#include "l0/run/crash.h"
#include "l0/sys/util.h"

/* x86 exception vectors by number (SDM "Exception and Interrupt Reference"). */
static const char *vector_name(u64 v)
{
	static const char *const names[] = {
		"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "vector 9",
		"#TS", "#NP", "#SS", "#GP", "#PF", "vector 15", "#MF", "#AC", "#MC", "#XM",
		"#VE", "#CP",
	};

	return v < sizeof(names) / sizeof(names[0]) ? names[v] : "vector";
}

static const char *hex_or_unknown(const struct record_parsed *r, const char *key)
{
	const char *v = record_get(r, key);

	return record_is_hex(v) ? v : "?";
}

char *crash_reason(const struct record_parsed *r)
{
	const char *class = record_get(r, "class");	/* s390x: interruption class */
	const char *err = hex_or_unknown(r, "error"), *rip = hex_or_unknown(r, "rip");
	const char *cr2 = hex_or_unknown(r, "cr2");
	u64 vec = 0;

	if (record_get_u64(r, "vector", &vec))
		vec = ~0ull;
	if (class && strspn(class, "abcdefghijklmnopqrstuvwxyz-") == strlen(class))
		return xasprintf("s390x took a %s interruption, code 0x%04llx, old PSW %s %s, TEA %s", class,
				 (unsigned long long)vec, err, rip, cr2);
	return xasprintf("L1 took %s (vector %llu) error=%s rip=%s cr2=%s", vector_name(vec),
			 (unsigned long long)vec, err, rip, cr2);
}
