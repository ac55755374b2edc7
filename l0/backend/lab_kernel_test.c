// SPDX-License-Identifier: GPL-2.0-only
/*
 * --lab-kernel before a boot: the bzImage header's version, a .config's KVM options, and
 * the resolution of a fake tree (in-tree modules, modules_install layout, built-in KVM,
 * no KVM: -ENOPKG).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/backend/lab_kernel.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"
#include "lib/test.h"

#define REL "6.1.99-test"

/* A bzImage as far as the header goes: "HdrS" at 0x202, the version's offset - 0x200 at 0x20e. */
static void fake_bzimage(const char *path)
{
	static char img[0x1000];
	const char version[] = REL " (nestlab@test) #1 SMP";

	memcpy(img + 0x202, "HdrS", 4);
	img[0x20e] = 0x00;
	img[0x20f] = 0x02;	/* 0x200: the string at 0x400 */
	memcpy(img + 0x400, version, sizeof(version));
	file_write(path, img, sizeof(img));
}

static void put(const char *dir, const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", dir, rel), *d = xstrdup(p);

	*strrchr(d, '/') = 0;
	file_mkdirs(d);
	file_write(p, text, strlen(text));
	free(p);
	free(d);
}

static void pieces(void)
{
	static char img[0x500];
	char *v;

	CHECK(!lab_kernel_header_version(img, sizeof(img)), "no HdrS: no version");
	memcpy(img + 0x202, "HdrS", 4);
	img[0x20f] = 0x02;
	memcpy(img + 0x400, "6.1.0-57-cloud-amd64 (x) #1", 28);
	v = lab_kernel_header_version(img, sizeof(img));
	CHECK(v && !strcmp(v, "6.1.0-57-cloud-amd64 (x) #1"), "version '%s'", v ? v : "(none)");
	free(v);
	CHECK(!lab_kernel_header_version(img, 0x410), "a string cut by the end: none");
	img[0x20f] = 0x7f;
	CHECK(!lab_kernel_header_version(img, sizeof(img)), "an offset past the end: none");
	CHECK(lab_kernel_config("CONFIG_KVM_INTEL=m\nCONFIG_KVM=y\n", "KVM") == 'y', "KVM=y");
	CHECK(lab_kernel_config("CONFIG_KVM=m\n", "KVM_INTEL") == 'n', "KVM_INTEL unset");
	CHECK(lab_kernel_config("# CONFIG_KVM is not set\n", "KVM") == 'n', "is not set");
	CHECK(lab_kernel_config("CONFIG_KVM_AMD=m", "KVM_AMD") == 'm', "last line without newline");
}

static void trees(const char *tmp)
{
	struct lab_kernel k;
	struct diag why = { "", "" };
	char *t = xasprintf("%s/tree", tmp), *img = xasprintf("%s/arch/x86/boot/bzImage", t);
	int e;

	file_mkdirs(t);
	e = lab_kernel_open(t, false, true, &k, &why);
	CHECK(e == -ENOENT && strstr(why.msg, "no arch/x86/boot/bzImage"), "empty tree: %s", why.msg);
	put(t, "arch/x86/boot/bzImage", "");
	fake_bzimage(img);
	e = lab_kernel_open(t, false, true, &k, &why);
	CHECK(e == -ENOENT && strstr(why.msg, "no kernel configuration"), "no .config: %s", why.msg);
	put(t, ".config", "CONFIG_KVM=m\n# CONFIG_KVM_INTEL is not set\nCONFIG_KVM_AMD=m\n");
	e = lab_kernel_open(t, false, true, &k, &why);
	CHECK(e == -ENOPKG && strstr(why.msg, "no KVM for the VMX lab"), "no KVM_INTEL: -ENOPKG: %s", why.msg);
	e = lab_kernel_open(t, true, true, &k, &why);
	CHECK(e == -ENOENT && strstr(why.msg, "CONFIG_KVM=m but no kvm.ko"), "SVM, no modules: %s", why.msg);
	put(t, "arch/x86/kvm/kvm.ko", "k");
	put(t, "lib/modules/" REL "/kernel/arch/x86/kvm/kvm-amd.ko", "a");	/* modules_install */
	e = lab_kernel_open(t, true, true, &k, &why);
	CHECK(!e && k.release && !strcmp(k.release, REL), "SVM tree: %d %s", e, why.msg);
	CHECK(!e && k.ko[1] && strstr(k.ko[1], "/tree/arch/x86/kvm/kvm.ko"), "in-tree kvm.ko");
	CHECK(!e && k.ko[3] && strstr(k.ko[3], "/lib/modules/" REL "/kernel/arch/x86/kvm/kvm-amd.ko"),
	      "installed kvm-amd.ko");
	CHECK(!e && !k.ko[0] && !k.ko[2], "irqbypass unset, kvm-intel not the SVM lab's");
	CHECK(!e && strlen(k.sha256) == 64 && !lab_kernel_builtin(&k, true), "sha256, modules");
	if (!e) {
		json_object *j = lab_kernel_json(&k, true), *v;

		CHECK(json_object_object_get_ex(j, "nested_kvm", &v) && json_object_get_boolean(v), "nested_kvm");
		json_object_put(j);
		lab_kernel_free(&k);
	}
	put(t, ".config", "CONFIG_KVM=y\nCONFIG_KVM_INTEL=y\nCONFIG_IRQ_BYPASS_MANAGER=y\n");
	e = lab_kernel_open(t, false, true, &k, &why);
	CHECK(!e && lab_kernel_builtin(&k, false) && !k.ko[0] && !k.ko[1] && !k.ko[2], "built in: no module");
	if (!e)
		lab_kernel_free(&k);
	/* A bzImage file: its config-RELEASE beside it, modules in ../lib/modules (a .deb's root). */
	put(tmp, "root/boot/config-" REL, "CONFIG_KVM=m\nCONFIG_KVM_INTEL=m\n");
	put(tmp, "root/lib/modules/" REL "/kernel/arch/x86/kvm/kvm.ko", "k");
	put(tmp, "root/lib/modules/" REL "/kernel/arch/x86/kvm/kvm-intel.ko", "i");
	free(img);
	img = xasprintf("%s/root/boot/vmlinuz-" REL, tmp);
	fake_bzimage(img);
	e = lab_kernel_open(img, false, true, &k, &why);
	CHECK(!e && k.ko[2] && strstr(k.ko[2], "/root/lib/modules/" REL "/kernel/arch/x86/kvm/kvm-intel.ko") &&
	      strstr(k.config, "/root/boot/config-" REL), "a .deb's root: %d %s", e, why.msg);
	if (!e)
		lab_kernel_free(&k);
	free(img);
	free(t);
}

int main(void)
{
	char tmp[] = "/tmp/nestlab-lab-kernel-XXXXXX";
	char *rm;

	pieces();
	if (CHECK(mkdtemp(tmp) != NULL, "mkdtemp")) {
		trees(tmp);
		rm = xasprintf("rm -rf '%s'", tmp);
		CHECK(system(rm) == 0, "clean up");
		free(rm);
	}
	return test_done();
}
