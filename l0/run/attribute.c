// SPDX-License-Identifier: GPL-2.0-only
/* A lab's FAILs re-run on the bare emulators and labelled (attribute.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l0/backend/image.h"
#include "l0/run/attribute.h"
#include "l0/run/results.h"
#include "l0/run/runner.h"
#include "l0/sys/util.h"

#define BARE_MAX 2

/* The bare emulators of a lab: its own first (Bochs for VMX, QEMU TCG for SVM). */
struct bare_l0 {
	const char *backend, *model;	/* model NULL: the run's --model */
};

static bool lab_svm(const struct run_opts *o)
{
	return strstr(o->be->name, "svm") != NULL;
}

bool attribute_wanted(const struct run_opts *o)
{
	return !o->attribute_off && !o->quiet && !strncmp(o->be->name, "lab-", 4);
}

const char *attribute_label(const enum verdict *bare, size_t n)
{
	if (!n || (bare[0] != VERDICT_PASS && bare[0] != VERDICT_FAIL))
		return "unknown";
	return bare[0] == VERDICT_PASS ? "L0" : "emulator";
}

/* One bare emulator's run of r's FAILs; its verdicts into each FAIL's bare[]. */
static void bare_run(struct run *r, const struct bare_l0 *b, const struct scenario_info **sel, size_t n,
		     const char *image, int multiboot)
{
	struct run_opts o = *r->o;
	struct diag why = { "", "" };
	struct run bare;
	char *l0;
	size_t i, k;

	o.be = backend_find(b->backend);
	o.model = b->model ? b->model : r->o->model;
	o.results = xasprintf("%s/attribution", r->dir);
	o.jobs = o.jobs < n ? o.jobs : (unsigned)n;
	o.l0_params = o.kvm_modules = o.lab_kernel = o.junit = o.kcidb = NULL;
	o.tap = o.colour = o.coverage = o.boot_efi = false;
	o.shard_n = 0;
	o.quiet = true;
	o.image = image;
	o.multiboot = multiboot;
	l0 = xasprintf("%s%s%s", b->backend, !strcmp(b->backend, "bochs") ? " " : "",
		       !strcmp(b->backend, "bochs") ? o.model : "");
	if (!o.be || o.be->probe(&o, &why) || runner_create(&bare, &o, sel, n, &why)) {
		fprintf(stderr, "nestlab: attribution: %s cannot run: %s\n", l0, why.msg);
		for (i = 0; i < r->n; i++)
			if (r->scn[i].verdict == VERDICT_FAIL && r->scn[i].nbare < BARE_MAX) {
				struct bare_run *br = &r->scn[i].bare[r->scn[i].nbare++];

				br->l0 = xstrdup(l0);
				br->verdict = VERDICT_NONE;
			}
		free(l0);
		free((char *)o.results);
		return;
	}
	fprintf(stderr, "nestlab: attribution: %zu FAIL%s again on %s\n", n, n == 1 ? "" : "s", l0);
	runner_execute(&bare);
	results_write(&bare, &why);
	for (i = 0, k = 0; i < r->n && k < n; i++) {
		struct scn_result *s = &r->scn[i];
		struct bare_run *br;

		if (s->verdict != VERDICT_FAIL || s->nbare == BARE_MAX)
			continue;
		br = &s->bare[s->nbare++];
		br->l0 = xstrdup(l0);
		br->verdict = bare.scn[k].verdict;
		br->results = xasprintf("attribution/%s/results.json", bare.id);
		k++;
	}
	runner_free(&bare);
	free(l0);
	free((char *)o.results);
}

void attribute_run(struct run *r)
{
	static const struct bare_l0 vmx[] = { { "bochs", NULL } };
	static const struct bare_l0 svm[] = { { "qemu-tcg", NULL }, { "bochs", "ryzen" } };
	const struct bare_l0 *bares = lab_svm(r->o) ? svm : vmx;
	size_t nbares = lab_svm(r->o) ? 2 : 1, n = 0, i;
	const struct scenario_info **sel = xrealloc(NULL, (r->n + 1) * sizeof(*sel));
	char def[PATH_MAX];
	const char *image = r->o->image;
	int mb = r->o->multiboot;

	for (i = 0; i < r->n; i++)
		if (r->scn[i].verdict == VERDICT_FAIL)
			sel[n++] = r->scn[i].info;
	if (r->o->boot_efi)	/* the bare emulators boot L1's Multiboot build */
		image = image_default(def, sizeof(def)) ? r->o->image : def;
	if (image != r->o->image && image_multiboot(image, &mb))
		image = r->o->image;
	for (size_t b = 0; n && !r->interrupted && b < nbares; b++)
		bare_run(r, &bares[b], sel, n, image, mb);
	for (i = 0; i < r->n; i++) {
		struct scn_result *s = &r->scn[i];
		enum verdict v[BARE_MAX];

		if (s->verdict != VERDICT_FAIL)
			continue;
		for (size_t b = 0; b < s->nbare; b++)
			v[b] = s->bare[b].verdict;
		s->attribution = attribute_label(v, s->nbare);
	}
	free(sel);
}
