// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/backend/cpio.h"
#include "l0/backend/kmod.h"
#include "l0/backend/lab_modules.h"
#include "l0/sys/file.h"
#include "l0/sys/util.h"

#define KO_MAX (64u << 20)

/* need: 1 always, 'i' or 'a' for that vendor's lab, 0 never (the packaged one is kept). */
static const struct { const char *name; int need; } modules[] = {
	{ "irqbypass.ko", 0 }, { "kvm.ko", 1 }, { "kvm-intel.ko", 'i' }, { "kvm-amd.ko", 'a' },
};
#define MODULES (sizeof(modules) / sizeof(modules[0]))

int lab_modules_check(const char *dir, bool svm, const char *kver, struct diag *why)
{
	for (size_t i = 0; i < MODULES; i++) {
		char *path = xasprintf("%s/%s", dir, modules[i].name), *data = NULL, *magic;
		bool needed = modules[i].need == 1 || modules[i].need == (svm ? 'a' : 'i');
		size_t len;
		int e = file_read(path, KO_MAX, &data, &len);

		if (e == -ENOENT && !needed) {
			free(path);
			continue;
		}
		if (e) {
			diag_set(why, e, "--kvm-modules: cannot read %s: %s: build the modules with "
				 "scripts/kvm-modules %s", path, strerror(-e), dir);
			free(path);
			return e;
		}
		magic = kmod_info(data, len, "vermagic");
		free(data);
		if (!magic)
			e = diag_set(why, -EINVAL, "--kvm-modules: %s has no vermagic: it is not a kernel module "
				     "(scripts/kvm-modules builds them)", path);
		else if (kmod_release_len(magic) != strlen(kver) || strncmp(magic, kver, strlen(kver)))
			e = diag_set(why, -EINVAL, "--kvm-modules: %s is built for Linux %.*s, the lab's kernel is "
				     "%s: rebuild it with scripts/kvm-modules --kernel %s %s", path,
				     (int)kmod_release_len(magic), magic, kver, kver, dir);
		free(magic);
		free(path);
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

int lab_modules_cpio(const char *dir, const char *out_dir, struct diag *why)
{
	const char *names[MODULES + 1] = { "kvm-modules" }, *srcs[MODULES + 1] = { NULL };
	char *cpio = xasprintf("%s/kvm.cpio", out_dir);
	size_t n = 1, i;
	int e;

	for (i = 0; i < MODULES; i++) {
		char *ko = xasprintf("%s/%s", dir, modules[i].name);

		if (access(ko, R_OK)) {
			free(ko);
			continue;
		}
		names[n] = xasprintf("kvm-modules/%s", modules[i].name);
		srcs[n++] = ko;
	}
	e = cpio_write_files(cpio, names, srcs, n);
	if (e)
		diag_set(why, e, "cannot pack --kvm-modules %s into %s: %s: check --kvm-modules", dir, cpio,
			 strerror(-e));
	for (i = 1; i < n; i++) {
		free((char *)names[i]);
		free((char *)srcs[i]);
	}
	free(cpio);
	return e;
}
