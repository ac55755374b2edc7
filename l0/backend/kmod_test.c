// SPDX-License-Identifier: GPL-2.0-only
/* kmod: .modinfo from an ELF64 object the host compiler makes, SHA-256 known answers. */
#include <stdlib.h>
#include <string.h>

#include "l0/backend/kmod.h"
#include "l0/sys/file.h"
#include "lib/test.h"

/* A module's strings, as MODULE_LICENSE() and vermagic.h put them: this binary is the module. */
static const char fake_modinfo[] __attribute__((section(".modinfo"), used, aligned(1))) =
	"license=GPL\0vermagic=0.0.0-fake SMP mod_unload ";

static void modinfo(const char *ko)
{
	char *data = NULL, *v, junk[256];
	size_t len;

	CHECK(!file_read(ko, 1 << 20, &data, &len), "read %s", ko);
	if (!data)
		return;
	v = kmod_info(data, len, "vermagic");
	CHECK(v && !strcmp(v, "0.0.0-fake SMP mod_unload "), "vermagic '%s'", v ? v : "(none)");
	CHECK(v && kmod_release_len(v) == strlen("0.0.0-fake"), "release length");
	free(v);
	v = kmod_info(data, len, "license");
	CHECK(v && !strcmp(v, "GPL"), "license '%s'", v ? v : "(none)");
	free(v);
	CHECK(!kmod_info(data, len, "vermagi"), "a prefix of a key is no key");
	CHECK(!kmod_info(data, len, "author"), "no such key");
	for (size_t cut = 0; cut < len; cut += 1 + cut / 4)	/* truncated: no crash, no read past */
		free(kmod_info(data, cut, "vermagic"));
	memset(junk, 0x7f, sizeof(junk));
	CHECK(!kmod_info(junk, sizeof(junk), "vermagic"), "not ELF");
	free(data);
}

static void sha256(void)
{
	static const struct { const char *in, *out; } kat[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	};
	char hex[65], *big = malloc(1000000);

	for (size_t i = 0; i < sizeof(kat) / sizeof(kat[0]); i++) {
		kmod_sha256(kat[i].in, strlen(kat[i].in), hex);
		CHECK(!strcmp(hex, kat[i].out), "sha256('%s') = %s", kat[i].in, hex);
	}
	if (big) {
		memset(big, 'a', 1000000);
		kmod_sha256(big, 1000000, hex);
		CHECK(!strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
		      "sha256(a x 10^6) = %s", hex);
		free(big);
	}
}

int main(void)
{
	modinfo("/proc/self/exe");
	sha256();
	return test_done();
}
