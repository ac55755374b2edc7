// SPDX-License-Identifier: GPL-2.0-only
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/kmod.h"

/* The section named name, or NULL; every offset is checked against len. */
static const Elf64_Shdr *section(const char *ko, size_t len, const char *name)
{
	Elf64_Ehdr eh;
	const Elf64_Shdr *sh, *strtab;

	if (len < sizeof(eh) || memcmp(ko, ELFMAG, SELFMAG) || ko[EI_CLASS] != ELFCLASS64 ||
	    ko[EI_DATA] != ELFDATA2LSB)
		return NULL;
	memcpy(&eh, ko, sizeof(eh));
	if (eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shoff % 8 || eh.e_shoff > len ||
	    eh.e_shnum > (len - eh.e_shoff) / sizeof(Elf64_Shdr) || eh.e_shstrndx >= eh.e_shnum)
		return NULL;
	sh = (const Elf64_Shdr *)(ko + eh.e_shoff);
	strtab = &sh[eh.e_shstrndx];
	if (strtab->sh_offset > len || strtab->sh_size > len - strtab->sh_offset)
		return NULL;
	for (unsigned i = 0; i < eh.e_shnum; i++) {
		size_t at = sh[i].sh_name, left = strtab->sh_size - at;

		if (at < strtab->sh_size && strnlen(ko + strtab->sh_offset + at, left) < left &&
		    !strcmp(ko + strtab->sh_offset + at, name) && sh[i].sh_type != SHT_NOBITS &&
		    sh[i].sh_offset <= len && sh[i].sh_size <= len - sh[i].sh_offset)
			return &sh[i];
	}
	return NULL;
}

char *kmod_info(const char *ko, size_t len, const char *key)
{
	const Elf64_Shdr *s = section(ko, len, ".modinfo");
	size_t klen = strlen(key);
	const char *p, *end;

	if (!s)
		return NULL;
	/* NUL-separated key=value strings, with NUL padding between them */
	for (p = ko + s->sh_offset, end = p + s->sh_size; p < end; p += strnlen(p, end - p) + 1) {
		size_t n = strnlen(p, end - p);

		if (n < (size_t)(end - p) && n > klen && !memcmp(p, key, klen) && p[klen] == '=')
			return strdup(p + klen + 1);
	}
	return NULL;
}

size_t kmod_release_len(const char *vermagic)
{
	return strcspn(vermagic, " ");
}

/* SHA-256, FIPS 180-4 section 6.2. */
static const uint32_t k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, unsigned n)
{
	return x >> n | x << (32 - n);
}

static void block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], v[8], t1, t2;
	unsigned i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
		       p[4 * i + 3];
	for (; i < 64; i++)
		w[i] = (ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ w[i - 2] >> 10) + w[i - 7] +
		       (ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ w[i - 15] >> 3) + w[i - 16];
	memcpy(v, h, sizeof(v));
	for (i = 0; i < 64; i++) {
		t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) +
		     k256[i] + w[i];
		t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof(v[0]));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		h[i] += v[i];
}

void kmod_sha256(const void *data, size_t len, char hex[65])
{
	uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	const unsigned char *p = data;
	unsigned char last[128] = { 0 };
	size_t rest = len % 64, tail = rest < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;

	for (size_t i = 0; i + 64 <= len; i += 64)
		block(h, p + i);
	memcpy(last, p + len - rest, rest);
	last[rest] = 0x80;
	for (unsigned i = 0; i < 8; i++)
		last[tail - 1 - i] = (unsigned char)(bits >> (8 * i));
	block(h, last);
	if (tail == 128)
		block(h, last + 64);
	for (unsigned i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", h[i]);
}
