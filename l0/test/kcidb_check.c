// SPDX-License-Identifier: GPL-2.0-only
/* kcidb_check FILE: FILE against KCIDB 5.3's requirements (kcidb_validate); "ok" or the breach. */
#include <stdio.h>

#include "l0/regress/kcidb.h"
#include "l0/sys/json.h"

int main(int argc, char **argv)
{
	struct diag why = { "", "" };
	json_object *doc = argc == 2 ? json_load_results(argv[1], &why) : NULL;
	char breach[512];
	int e;

	if (!doc) {
		fprintf(stderr, "kcidb_check: %s\n", argc == 2 ? why.msg : "usage: kcidb_check FILE");
		return 2;
	}
	e = kcidb_validate(doc, breach, sizeof(breach));
	json_object_put(doc);
	if (e) {
		printf("kcidb_check: %s: %s\n", argv[1], breach);
		return 1;
	}
	printf("ok\n");
	return 0;
}
