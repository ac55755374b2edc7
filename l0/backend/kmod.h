/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel module files on the host, before a lab boots them (--kvm-modules): a module's
 * .modinfo strings (vermagic), read from its ELF section headers as modinfo(8) does, and
 * a file's SHA-256 (FIPS 180-4) for results.json.
 */
#ifndef L0_BACKEND_KMOD_H
#define L0_BACKEND_KMOD_H

#include <stddef.h>

/*
 * key's value in the module image ko (len bytes, an ELF64 little-endian relocatable
 * object) as a malloc'd string, or NULL when it is not an ELF64 file, has no .modinfo or
 * no such key.
 */
char *kmod_info(const char *ko, size_t len, const char *key);

/* The SHA-256 of data as 64 lowercase hex digits and a NUL in hex. */
void kmod_sha256(const void *data, size_t len, char hex[65]);

/* The first word of a vermagic ("6.1.0-57-cloud-amd64 SMP preempt ..."): the release. */
size_t kmod_release_len(const char *vermagic);

#endif
