// SPDX-License-Identifier: GPL-2.0-only
/* --lab-kernel: a kernel build tree or a bzImage, resolved before any boot (lab_kernel.h). */
#include <errno.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "l0/backend/kmod.h"
#include "l0/backend/lab_kernel.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"

#define IMAGE_MAX	(256u << 20)
#define CONFIG_MAX	(4u << 20)
/* The x86 boot protocol's setup header (Documentation/arch/x86/boot.rst). */
#define HDR_MAGIC_AT	0x202		/* "HdrS" */
#define HDR_VERSION_AT	0x20e		/* u16 kernel_version: the string's offset - 0x200 */
#define HDR_VERSION_MAX	256

const char *const lab_ko_names[LAB_KO_COUNT] = { "irqbypass.ko", "kvm.ko", "kvm-intel.ko", "kvm-amd.ko" };

/* Per module: its Kconfig option and where an in-tree build leaves it. */
static const struct {
	const char *config, *in_tree;
} ko_src[LAB_KO_COUNT] = {
	{ "IRQ_BYPASS_MANAGER", "virt/lib/irqbypass.ko" },
	{ "KVM", "arch/x86/kvm/kvm.ko" },
	{ "KVM_INTEL", "arch/x86/kvm/kvm-intel.ko" },
	{ "KVM_AMD", "arch/x86/kvm/kvm-amd.ko" },
};
#define KO_VENDOR(svm) ((svm) ? 3 : 2)

char *lab_kernel_header_version(const char *img, size_t len)
{
	size_t at, n;

	if (len < HDR_VERSION_AT + 2 || memcmp(img + HDR_MAGIC_AT, "HdrS", 4))
		return NULL;
	at = (size_t)((uint8_t)img[HDR_VERSION_AT] | (uint8_t)img[HDR_VERSION_AT + 1] << 8);
	if (!at || at + 0x200 >= len)
		return NULL;
	at += 0x200;
	n = strnlen(img + at, len - at < HDR_VERSION_MAX ? len - at : HDR_VERSION_MAX);
	if (!n || at + n >= len || n == HDR_VERSION_MAX)
		return NULL;
	return xstrndup(img + at, n);
}

char lab_kernel_config(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *l = text; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL)
		if (!strncmp(l, "CONFIG_", 7) && !strncmp(l + 7, name, n) && l[7 + n] == '=')
			return l[8 + n] == 'y' || l[8 + n] == 'm' ? l[8 + n] : 'n';
	return 'n';
}

static bool is_file(const char *p)
{
	struct stat st;

	return !stat(p, &st) && S_ISREG(st.st_mode);
}

static int find_module(struct lab_kernel *k, const char *root, size_t i, struct diag *why)
{
	char *cand[] = {
		xasprintf("%s/%s", root, ko_src[i].in_tree),
		xasprintf("%s/lib/modules/%s/kernel/%s", root, k->release, ko_src[i].in_tree),
		xasprintf("%s/../lib/modules/%s/kernel/%s", root, k->release, ko_src[i].in_tree),
		xasprintf("%s/%s", root, lab_ko_names[i]),
	};

	for (size_t c = 0; c < sizeof(cand) / sizeof(cand[0]); c++) {
		if (!k->ko[i] && is_file(cand[c]))
			k->ko[i] = realpath(cand[c], NULL);
		free(cand[c]);
	}
	if (k->ko[i])
		return 0;
	return diag_set(why, -ENOENT, "--lab-kernel: %s's configuration has CONFIG_%s=m but no %s is in %s "
			"(%s, lib/modules/%s/kernel/..., or beside the bzImage): run make modules, or "
			"make modules_install INSTALL_MOD_PATH=%s, or pass --kvm-modules DIR", k->release,
			ko_src[i].config, lab_ko_names[i], root, ko_src[i].in_tree, k->release, root);
}

static int read_image(struct lab_kernel *k, struct diag *why)
{
	char *img = NULL;
	size_t len;
	int e = file_read(k->bzimage, IMAGE_MAX, &img, &len);

	if (e)
		return diag_set(why, e, "--lab-kernel: cannot read %s: %s: name a bzImage or a kernel build tree",
				k->bzimage, strerror(-e));
	k->version = lab_kernel_header_version(img, len);
	if (k->version) {
		kmod_sha256(img, len, k->sha256);
		k->release = xstrndup(k->version, strcspn(k->version, " "));
	}
	free(img);
	if (!k->version)
		return diag_set(why, -ENOEXEC, "--lab-kernel: %s is not a bzImage (no HdrS setup header with a "
				"kernel version): name arch/x86/boot/bzImage", k->bzimage);
	return 0;
}

static int read_config(struct lab_kernel *k, const char *root, bool tree, bool svm, struct diag *why)
{
	char *text = NULL;
	size_t len;
	int e;

	char *cand[] = {
		xasprintf("%s/.config", root),
		tree ? NULL : xasprintf("%s/config", root),
		tree ? NULL : xasprintf("%s/config-%s", root, k->release),
	};

	for (size_t c = 0; c < sizeof(cand) / sizeof(cand[0]); c++) {
		if (!k->config && cand[c] && is_file(cand[c]))
			k->config = realpath(cand[c], NULL);
		free(cand[c]);
	}
	if (!k->config)
		return diag_set(why, -ENOENT, "--lab-kernel: no kernel configuration in %s (%s): nestlab reads "
				"CONFIG_KVM from it; copy the .config the kernel was built with there", root,
				tree ? ".config" : ".config, config or config-RELEASE");
	e = file_read(k->config, CONFIG_MAX, &text, &len);
	if (e)
		return diag_set(why, e, "--lab-kernel: cannot read %s: %s", k->config, strerror(-e));
	for (size_t i = 0; i < LAB_KO_COUNT; i++)
		k->cfg[i] = lab_kernel_config(text, ko_src[i].config);
	free(text);
	if (k->cfg[1] == 'n' || k->cfg[KO_VENDOR(svm)] == 'n')
		return diag_set(why, -ENOPKG, "--lab-kernel: %s (%s) has no KVM for the %s lab (CONFIG_KVM=%c, "
				"CONFIG_%s=%c in %s): build it with CONFIG_KVM and CONFIG_%s =m or =y",
				k->release, k->bzimage, svm ? "SVM" : "VMX", k->cfg[1], ko_src[KO_VENDOR(svm)].config,
				k->cfg[KO_VENDOR(svm)], k->config, ko_src[KO_VENDOR(svm)].config);
	return 0;
}

int lab_kernel_open(const char *path, bool svm, bool find_modules, struct lab_kernel *k, struct diag *why)
{
	struct stat st;
	bool tree;
	char *root, *dup;
	int e;

	memset(k, 0, sizeof(*k));
	if (stat(path, &st))
		return diag_set(why, -errno, "--lab-kernel %s: %s: name a kernel build tree or a bzImage", path,
				strerror(errno));
	tree = S_ISDIR(st.st_mode);
	dup = xstrdup(path);
	root = tree ? xstrdup(path) : xstrdup(dirname(dup));
	free(dup);
	k->bzimage = tree ? xasprintf("%s/arch/x86/boot/bzImage", root) : xstrdup(path);
	if (tree && !is_file(k->bzimage)) {
		e = diag_set(why, -ENOENT, "--lab-kernel: %s has no arch/x86/boot/bzImage: run make bzImage in it, "
			     "or name the bzImage", root);
		goto out;
	}
	dup = realpath(k->bzimage, NULL);	/* the file, not a link to it: the VMX lab links it into an ISO */
	if (dup) {
		free(k->bzimage);
		k->bzimage = dup;
	}
	e = read_image(k, why);
	if (!e)
		e = read_config(k, root, tree, svm, why);
	if (!e && tree) {
		char *kr = xasprintf("%s/include/config/kernel.release", root), *text = NULL;
		size_t len;

		if (!file_read(kr, 4096, &text, &len))
			k->tree_release = xstrndup(text, strcspn(text, "\n"));
		free(text);
		free(kr);
	}
	for (size_t i = 0; !e && find_modules && i < LAB_KO_COUNT; i++)
		if (k->cfg[i] == 'm' && (i < 2 || i == (size_t)KO_VENDOR(svm)))
			e = find_module(k, root, i, why);
out:
	free(root);
	if (e)
		lab_kernel_free(k);
	return e;
}

void lab_kernel_free(struct lab_kernel *k)
{
	free(k->bzimage);
	free(k->config);
	free(k->version);
	free(k->release);
	free(k->tree_release);
	for (size_t i = 0; i < LAB_KO_COUNT; i++)
		free(k->ko[i]);
	memset(k, 0, sizeof(*k));
}

bool lab_kernel_builtin(const struct lab_kernel *k, bool svm)
{
	return k->cfg[KO_VENDOR(svm)] == 'y';
}

json_object *lab_kernel_json(const struct lab_kernel *k, bool svm)
{
	json_object *o = json_object_new_object(), *cfg = json_object_new_object();
	json_object *mods = json_object_new_object();

	json_object_object_add(o, "bzimage", json_object_new_string(k->bzimage));
	json_object_object_add(o, "version", json_object_new_string(k->version));
	json_object_object_add(o, "release", json_object_new_string(k->release));
	if (k->tree_release)
		json_object_object_add(o, "tree_release", json_object_new_string(k->tree_release));
	json_object_object_add(o, "sha256", json_object_new_string(k->sha256));
	json_object_object_add(o, "config", json_object_new_string(k->config));
	for (size_t i = 0; i < LAB_KO_COUNT; i++) {
		char name[64], v[2] = { k->cfg[i], 0 };

		snprintf(name, sizeof(name), "CONFIG_%s", ko_src[i].config);
		json_object_object_add(cfg, name, json_object_new_string(v));
	}
	json_object_object_add(o, "config_kvm", cfg);
	/* Nested KVM is a module parameter (nested=1, which the lab sets); the configuration
	 * has it when it has KVM and the vendor's part, as modules or built in. */
	json_object_object_add(o, "nested_kvm", json_object_new_boolean(k->cfg[1] != 'n' &&
									 k->cfg[KO_VENDOR(svm)] != 'n'));
	json_object_object_add(o, "kvm", json_object_new_string(lab_kernel_builtin(k, svm) ? "built-in" : "modules"));
	for (size_t i = 0; i < LAB_KO_COUNT; i++) {
		char *data = NULL, hex[65];
		size_t len;

		if (k->ko[i] && !file_read(k->ko[i], IMAGE_MAX, &data, &len)) {
			json_object *m = json_object_new_object();

			kmod_sha256(data, len, hex);
			json_object_object_add(m, "path", json_object_new_string(k->ko[i]));
			json_object_object_add(m, "sha256", json_object_new_string(hex));
			json_object_object_add(mods, lab_ko_names[i], m);
		}
		free(data);
	}
	json_object_object_add(o, "modules", mods);
	return o;
}
