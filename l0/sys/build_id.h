/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The build id: a hash of the objects nestlab is linked from (l0/rules.mk generates
 * build_id.c), the same for build/l0/nestlab and the lab's static copy. scripts/lab-build
 * records its copy's in the lab (OUT/build-id, from `nestlab --version`); a run on the lab
 * compares it with its own, so that a lab older than the build is named stale instead of
 * answering "no scenario matches" from inside. Weak: the unit tests link no build id
 * (NULL function), and then nothing is compared.
 */
#ifndef L0_SYS_BUILD_ID_H
#define L0_SYS_BUILD_ID_H

const char *nestlab_build_id(void) __attribute__((weak));

#endif
