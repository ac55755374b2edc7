/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * nestlab run --kcidb FILE: the run in KernelCI's KCIDB I/O schema, version 5.3
 * (kernelci/kcidb-io, kcidb_io/schema/v05_03.py; the submitter guide,
 * docs.kernelci.org/kcidb/submitter_guide/). What the schema requires and nestlab fills:
 *   version     {major: 5, minor: 3}                     (required: major)
 *   checkouts[] the kernel's source: id, origin           (required: id, origin)
 *   builds[]    the kernel as built: id, origin, checkout_id (required: all three)
 *   tests[]     one per scenario: id, origin, build_id     (required: all three)
 * origin "nestlab" (pattern ^[a-z0-9_]+$); every id "nestlab:..." (^origin:.*$). The
 * kernel is the lab's (its release, its bzImage's sha256, --kvm-modules' modules and
 * patches); a test's environment is the lab (its comment the L0 line, misc the back end,
 * CPU model, module parameters). Status: PASS, FAIL, SKIP as they are; ERROR, CRASH and
 * TIMEOUT ERROR (the test did not complete); not run MISS. No property is null (the schema
 * allows none); a lab FAIL's attribution goes in the test's misc.
 */
#ifndef L0_REGRESS_KCIDB_H
#define L0_REGRESS_KCIDB_H

#include <stddef.h>
#include <json-c/json.h>

#define KCIDB_MAJOR	5
#define KCIDB_MINOR	3
#define KCIDB_ORIGIN	"nestlab"

/* A results.json document (docs/results-schema.md) as a KCIDB report (new reference). */
json_object *kcidb_from_results(json_object *results);
/* The same, written to path: 0 or -errno. */
int kcidb_write(json_object *results, const char *path);
/*
 * Checks doc against what the schema requires (kcidb_io v05_03: required properties,
 * their types and patterns, the status words, no nulls, no properties it does not
 * define on the objects nestlab writes). 0, or -EINVAL with the first breach in why.
 */
int kcidb_validate(json_object *doc, char *why, size_t size);
/* --kcidb FILE at the end of nestlab run (kcidb_run.c): 0, or 2 with a line on stderr. */
struct run;
int kcidb_write_run(const struct run *r);

#endif
