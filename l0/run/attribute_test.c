// SPDX-License-Identifier: GPL-2.0-only
/* The attribution labels (attribute.h) from the bare emulators' verdicts, and who gets one. */
#include <string.h>

#include "l0/run/attribute.h"
#include "lib/test.h"

static void label(const char *want, const enum verdict *v, size_t n, const char *what)
{
	const char *got = attribute_label(v, n);

	CHECK(!strcmp(got, want), "%s: %s, want %s", what, got, want);
}

int main(void)
{
	struct run_opts o = { .be = backend_find("lab-svm") };

	label("L0", (enum verdict[]){ VERDICT_PASS }, 1, "VMX: passes on Bochs");
	label("emulator", (enum verdict[]){ VERDICT_FAIL }, 1, "VMX: fails on Bochs too");
	label("L0", (enum verdict[]){ VERDICT_PASS, VERDICT_PASS }, 2, "SVM: passes on QEMU TCG and Bochs ryzen");
	label("emulator", (enum verdict[]){ VERDICT_FAIL, VERDICT_FAIL }, 2, "SVM: fails on both");
	label("emulator", (enum verdict[]){ VERDICT_FAIL, VERDICT_PASS }, 2,
	      "SVM: fails on QEMU TCG (the lab's CPU), passes on Bochs: inherited");
	label("L0", (enum verdict[]){ VERDICT_PASS, VERDICT_FAIL }, 2,
	      "SVM: passes on QEMU TCG (the lab's CPU), fails on Bochs: KVM's");
	label("L0", (enum verdict[]){ VERDICT_PASS, VERDICT_SKIP }, 2, "the lab's CPU passes, Bochs SKIPs");
	label("unknown", (enum verdict[]){ VERDICT_SKIP, VERDICT_PASS }, 2, "a SKIP on the lab's CPU");
	label("unknown", (enum verdict[]){ VERDICT_TIMEOUT }, 1, "a bare TIMEOUT");
	label("unknown", (enum verdict[]){ VERDICT_NONE }, 1, "a bare emulator that could not run");
	label("unknown", NULL, 0, "no bare run");
	CHECK(o.be && attribute_wanted(&o), "lab-svm: attributed");
	o.attribute_off = true;
	CHECK(!attribute_wanted(&o), "--attribute off");
	o.attribute_off = false;
	o.be = backend_find("bochs");
	CHECK(o.be && !attribute_wanted(&o), "bochs: no attribution (it is the bare emulator)");
	return test_done();
}
