// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/backend/cpio.h"
#include "l0/backend/kmod.h"
#include "l0/backend/lab_kernel.h"
#include "l0/backend/lab_modules.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"

#define KO_MAX (64u << 20)

/* need: 1 always, 'i' or 'a' for that vendor's lab, 0 never (the packaged one is kept). */
static const struct { const char *name; int need; } modules[] = {
	{ "irqbypass.ko", 0 }, { "kvm.ko", 1 }, { "kvm-intel.ko", 'i' }, { "kvm-amd.ko", 'a' },
};
#define MODULES (sizeof(modules) / sizeof(modules[0]))

/* path's vermagic names kver; opt: the option the line names; fix: what it tells to do. */
static int check_one(const char *opt, const char *path, const char *kver, const char *fix, struct diag *why)
{
	char *data = NULL, *magic;
	size_t len;
	int e = file_read(path, KO_MAX, &data, &len);

	if (e)
		return diag_set(why, e, "%s: cannot read %s: %s: %s", opt, path, strerror(-e), fix);
	magic = kmod_info(data, len, "vermagic");
	free(data);
	if (!magic)
		e = diag_set(why, -EINVAL, "%s: %s has no vermagic: it is not a kernel module: %s", opt, path, fix);
	else if (kmod_release_len(magic) != strlen(kver) || strncmp(magic, kver, strlen(kver)))
		e = diag_set(why, -EINVAL, "%s: %s is built for Linux %.*s, the lab's kernel is %s: %s", opt, path,
			     (int)kmod_release_len(magic), magic, kver, fix);
	free(magic);
	return e;
}

int lab_modules_check(const char *dir, bool svm, const char *kver, struct diag *why)
{
	for (size_t i = 0; i < MODULES; i++) {
		char *path = xasprintf("%s/%s", dir, modules[i].name);
		char *fix = xasprintf("rebuild it with scripts/kvm-modules --kernel %s %s", kver, dir);
		bool needed = modules[i].need == 1 || modules[i].need == (svm ? 'a' : 'i');
		int e = access(path, F_OK) && !needed ? 0 : check_one("--kvm-modules", path, kver, fix, why);

		free(path);
		free(fix);
		if (e)
			return e;
	}
	return 0;
}

int lab_modules_check_files(char *const ko[LAB_KO_COUNT], const char *kver, struct diag *why)
{
	for (size_t i = 0; i < LAB_KO_COUNT; i++) {
		int e = ko[i] ? check_one("--lab-kernel", ko[i], kver, "a module of another build: run make "
					  "modules in the tree the bzImage came from", why) : 0;

		if (e)
			return e;
	}
	return 0;
}

json_object *lab_modules_json(const char *dir)
{
	char *src, *text = NULL, *l, *nl;
	json_object *mods;
	size_t len;

	if (!dir)
		return json_object_new_string("packaged");
	mods = json_object_new_object();
	json_object_object_add(mods, "dir", json_object_new_string(dir));
	src = xasprintf("%s/SOURCE", dir);
	if (!file_read(src, 1 << 16, &text, &len)) {	/* scripts/kvm-modules': packages, patches */
		json_object *lines = json_object_new_array();

		for (l = text; *l; l = nl + (*nl == '\n')) {
			nl = l + strcspn(l, "\n");
			json_object_array_add(lines, json_object_new_string_len(l, (int)(nl - l)));
		}
		json_object_object_add(mods, "source", lines);
	}
	free(text);
	free(src);
	for (size_t i = 0; i < MODULES; i++) {
		char *ko = xasprintf("%s/%s", dir, modules[i].name), *data = NULL, hex[65];

		if (!file_read(ko, KO_MAX, &data, &len)) {
			kmod_sha256(data, len, hex);
			json_object_object_add(mods, modules[i].name, json_object_new_string(hex));
		}
		free(data);
		free(ko);
	}
	return mods;
}

int lab_modules_cpio_files(char *const ko[LAB_KO_COUNT], const char *out_dir, struct diag *why)
{
	const char *names[LAB_KO_COUNT + 1] = { "kvm-modules" }, *srcs[LAB_KO_COUNT + 1] = { NULL };
	char *cpio = xasprintf("%s/kvm.cpio", out_dir);
	size_t n = 1, i;
	int e;

	for (i = 0; i < LAB_KO_COUNT; i++)
		if (ko[i]) {
			names[n] = xasprintf("kvm-modules/%s", lab_ko_names[i]);
			srcs[n++] = ko[i];
		}
	e = cpio_write_files(cpio, names, srcs, n);
	if (e)
		diag_set(why, e, "cannot pack KVM's modules into %s: %s: check --results", cpio, strerror(-e));
	for (i = 1; i < n; i++)
		free((char *)names[i]);
	free(cpio);
	return e;
}

int lab_modules_cpio(const char *dir, const char *out_dir, struct diag *why)
{
	char *ko[LAB_KO_COUNT] = { NULL };
	int e;

	_Static_assert(MODULES == LAB_KO_COUNT, "lab_kernel.h's order");
	for (size_t i = 0; i < MODULES; i++) {
		ko[i] = xasprintf("%s/%s", dir, modules[i].name);
		if (access(ko[i], R_OK)) {
			free(ko[i]);
			ko[i] = NULL;
		}
	}
	e = lab_modules_cpio_files(ko, out_dir, why);
	for (size_t i = 0; i < MODULES; i++)
		free(ko[i]);
	return e;
}
