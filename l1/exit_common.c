// SPDX-License-Identifier: GPL-2.0-only
/*
 * The exit handling every back end shares: each decodes its own exit information and
 * calls these for what L1 emulates (CPUID, hypercalls, the one port, the one MSR).
 * Handlers run inside the measurement window: they print nothing and touch only the vcpu.
 */
#include "l1/vcpu.h"
#include "l1/emulated.h"
#include "l1/measure.h"
#include "x86/processor.h"
#include "lib/printf.h"

enum exit_action vcpu_error(struct vcpu *v, const char *fmt, ...)
{
	va_list ap;

	if (!v->error[0]) {
		va_start(ap, fmt);
		nl_vsnprintf(v->error, sizeof(v->error), fmt, ap);
		va_end(ap);
	}
	v->done = true;
	return EXIT_DONE;
}

enum exit_action emulate_cpuid(struct vcpu *v)
{
	struct cpuid_regs r = cpuid_count((u32)v->gpr[RAX], (u32)v->gpr[RCX]);

	v->gpr[RAX] = r.eax;
	v->gpr[RBX] = r.ebx;
	v->gpr[RCX] = r.ecx;
	v->gpr[RDX] = r.edx;
	hv->skip_instruction(v);
	return EXIT_RESUME;
}

enum exit_action emulate_hypercall(struct vcpu *v)
{
	hv->skip_instruction(v);
	switch (v->gpr[RAX]) {
	case HC_NOP:
		return EXIT_RESUME;
	case HC_WINDOW_OPEN:
		for (int i = 0; i < HV_EXIT_SLOTS; i++)
			v->exits[i] = 0;
		measure_window_edge(true);	/* an L0 reads its counters now */
		v->window_open = true;
		return EXIT_RESUME;
	case HC_WINDOW_CLOSE:
		measure_window_edge(false);
		v->window_open = false;
		v->exits[hv->exit_slot(XK_HYPERCALL)]--;	/* counted on the way in; not the workload's */
		return EXIT_RESUME;
	case HC_DONE:
		v->done = true;
		return EXIT_DONE;
	case HC_CHECK_CR3:
		v->cr3_mismatches += hv->guest_cr3(v) != v->ctx->result[2];
		return EXIT_RESUME;
	case HC_POST:
		if (!hv->post_interrupt)
			return vcpu_error(v, "HC_POST: the %s back end posts no interrupts", hv->name);
		hv->post_interrupt(v, (u8)v->gpr[RBX]);
		return EXIT_RESUME;
	case HC_FAIL:
		return vcpu_error(v, "L2 check %llu failed: saw %#llx",
				  (unsigned long long)v->gpr[RBX], (unsigned long long)v->gpr[RCX]);
	}
	return vcpu_error(v, "unknown hypercall %#llx", (unsigned long long)v->gpr[RAX]);
}

enum exit_action emulate_io(struct vcpu *v, u16 port, u32 size, bool in, bool string)
{
	if (port != EMULATED_PORT || size != 1 || string)
		return vcpu_error(v, "unexpected I/O exit: port %#x size %u%s", port, size, string ? " string" : "");
	if (in)
		v->gpr[RAX] = (v->gpr[RAX] & ~0xffULL) | v->vport_scratch;
	else
		v->vport_scratch = (u8)v->gpr[RAX];
	hv->skip_instruction(v);
	return EXIT_RESUME;
}

enum exit_action emulate_rdmsr(struct vcpu *v)
{
	if ((u32)v->gpr[RCX] != EMULATED_MSR)
		return vcpu_error(v, "unexpected RDMSR %#llx", (unsigned long long)v->gpr[RCX]);
	v->gpr[RAX] = (u32)v->vmsr_value;
	v->gpr[RDX] = v->vmsr_value >> 32;
	hv->skip_instruction(v);
	return EXIT_RESUME;
}

enum exit_action emulate_wrmsr(struct vcpu *v)
{
	if ((u32)v->gpr[RCX] != EMULATED_MSR)
		return vcpu_error(v, "unexpected WRMSR %#llx", (unsigned long long)v->gpr[RCX]);
	v->vmsr_value = (u32)v->gpr[RAX] | (v->gpr[RDX] << 32);
	hv->skip_instruction(v);
	return EXIT_RESUME;
}
