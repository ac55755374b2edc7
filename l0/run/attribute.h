/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Attribution of a lab's FAILs (nestlab run --attribute on, the default on lab-*): each
 * FAIL is re-run on the bare emulators, with no KVM between them and L1:
 *   lab-vmx, lab-vmx-qemu   Bochs with the lab's CPU model (--model, haswell by default)
 *   lab-svm, lab-svm-qemu   QEMU TCG -cpu max (the lab's own emulator) and Bochs ryzen
 * and labelled by the verdict of the lab's own emulator (the CPU KVM runs on), bare:
 *   L0        PASS there: on the same CPU, the FAIL needs KVM in between (KVM's)
 *   emulator  FAIL there: the lab inherits it from the CPU under KVM
 *   unknown   it gave neither PASS nor FAIL (SKIP, ERROR, CRASH, TIMEOUT)
 * The other emulator's verdict (SVM: Bochs ryzen) rides along in the bare list and says
 * whether that emulator agrees; it does not move the label.
 * The bare runs go to <run>/attribution/<run-id>/ (their own results.json); the label goes
 * on the FAIL line ("FAIL: name [L0] ..."), in results.json (scenarios[].attribution), in
 * TAP and in JUnit. The bare runs use the run's --iters, --warmup and --break but none of
 * the lab's (--l0-param, --kvm-modules, --lab-kernel: they are KVM's).
 */
#ifndef L0_RUN_ATTRIBUTE_H
#define L0_RUN_ATTRIBUTE_H

#include <stddef.h>

#include "l0/run/run.h"

/* Whether r's FAILs are to be attributed: a lab back end, --attribute not off. */
bool attribute_wanted(const struct run_opts *o);
/* The label of a FAIL whose bare re-runs gave verdicts bare[0..n), the lab's own first. */
const char *attribute_label(const enum verdict *bare, size_t n);
/* Re-runs r's FAILs bare and labels them; a note on stderr when a bare emulator cannot run. */
void attribute_run(struct run *r);

#endif
