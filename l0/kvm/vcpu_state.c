// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "l0/kvm/vcpu_state.h"

/* MSRs that are clocks: they move on their own, and a migration does not compare them
 * (Hyper-V TLFS: the VP runtime and the partition reference counter). The reference
 * counter is read-only: not set either. */
#define MSR_IA32_TSC		0x10
#define MSR_IA32_TSC_DEADLINE	0x6e0	/* SDM "TSC-Deadline Mode" */
#define MSR_HV_VP_RUNTIME	0x40000010
#define MSR_HV_TIME_REF_COUNT	0x40000020

static bool clock_msr(uint32_t index)
{
	return index == MSR_IA32_TSC || index == MSR_HV_VP_RUNTIME || index == MSR_HV_TIME_REF_COUNT;
}
#define APIC_TIMER_CCR		0x390	/* the APIC timer's current count: not compared */
#define MSR_LIST_MAX		1024

int vcpu_state_msr_list(int kvm, int vcpu, struct vcpu_state *s)
{
	struct {
		struct kvm_msr_list hdr;
		uint32_t index[MSR_LIST_MAX];
	} list = { .hdr.nmsrs = MSR_LIST_MAX };
	uint32_t n = 0;

	if (ioctl(kvm, KVM_GET_MSR_INDEX_LIST, &list) < 0)
		return -errno;
	for (uint32_t i = 0; i < list.hdr.nmsrs && n < VCPU_STATE_MSRS_MAX; i++) {
		struct {
			struct kvm_msrs hdr;
			struct kvm_msr_entry e;
		} one = { .hdr.nmsrs = 1, .e.index = list.index[i] };

		if (ioctl(vcpu, KVM_GET_MSRS, &one) == 1)
			s->msrs.e[n++].index = list.index[i];
	}
	s->msrs.hdr.nmsrs = n;
	return 0;
}

int vcpu_state_init(int kvm, struct vcpu_state *s)
{
	int size = ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_NESTED_STATE);

	memset(s, 0, sizeof(*s));
	if (size <= 0)
		return 0;
	s->nested = calloc(1, size);
	if (!s->nested)
		return -ENOMEM;
	s->nested_size = (uint32_t)size;
	return 0;
}

void vcpu_state_free(struct vcpu_state *s)
{
	free(s->nested);
	s->nested = NULL;
}

/*
 * L1's TSC offset, Documentation/virt/kvm/devices/vcpu.rst "KVM_VCPU_TSC_CTRL": guest TSC =
 * host TSC + offset. Its migration algorithm gives ofs_dst = ofs_src - (guest_src -
 * guest_dest) * freq + (tsc_src - tsc_dest); on one host the kvmclock and the host TSC
 * advance together, so that is the source's offset: the TSC counts the migration's time.
 * 0, or -errno (-ENXIO: a kernel without the attribute, before 5.16).
 */
static int tsc_offset_attr(int vcpu, unsigned long op, uint64_t *offset)
{
	struct kvm_device_attr a = {
		.group = KVM_VCPU_TSC_CTRL,
		.attr = KVM_VCPU_TSC_OFFSET,
		.addr = (uint64_t)(uintptr_t)offset,
	};

	if (ioctl(vcpu, KVM_HAS_DEVICE_ATTR, &a) < 0 || ioctl(vcpu, op, &a) < 0)
		return -errno;
	return 0;
}

#define TRY(p, call) do { if ((call) < 0) { *piece = VMM_PIECE_##p; return -errno; } } while (0)

int vcpu_state_get(int vcpu, struct vcpu_state *s, enum vmm_piece *piece)
{
	TRY(REGS, ioctl(vcpu, KVM_GET_REGS, &s->regs));
	TRY(SREGS, ioctl(vcpu, KVM_GET_SREGS, &s->sregs));
	TRY(XSAVE, ioctl(vcpu, KVM_GET_XSAVE, &s->xsave));
	s->has_xcrs = ioctl(vcpu, KVM_GET_XCRS, &s->xcrs) == 0;
	if ((uint32_t)ioctl(vcpu, KVM_GET_MSRS, &s->msrs) != s->msrs.hdr.nmsrs) {
		*piece = VMM_PIECE_MSRS;
		return -EIO;
	}
	TRY(LAPIC, ioctl(vcpu, KVM_GET_LAPIC, &s->lapic));
	TRY(EVENTS, ioctl(vcpu, KVM_GET_VCPU_EVENTS, &s->events));
	TRY(MP_STATE, ioctl(vcpu, KVM_GET_MP_STATE, &s->mp));
	TRY(DEBUGREGS, ioctl(vcpu, KVM_GET_DEBUGREGS, &s->dregs));
	s->has_tsc_offset = tsc_offset_attr(vcpu, KVM_GET_DEVICE_ATTR, &s->tsc_offset) == 0;
	if (s->nested) {
		memset(s->nested, 0, s->nested_size);
		s->nested->size = s->nested_size;
		TRY(NESTED, ioctl(vcpu, KVM_GET_NESTED_STATE, s->nested));
	}
	return 0;
}

/* Writes only the MSRs whose value on the vCPU differs: a fresh vCPU already holds the
 * VMX capability MSRs, which KVM refuses to change once VMXON is in the nested state. */
static int set_msrs(int vcpu, const struct vcpu_state *s, bool keep_tsc)
{
	struct vcpu_msrs now = s->msrs, want = { .hdr.nmsrs = 0 };
	int r;

	if ((uint32_t)ioctl(vcpu, KVM_GET_MSRS, &now) != now.hdr.nmsrs)
		return -EIO;
	for (uint32_t i = 0; i < s->msrs.hdr.nmsrs; i++)
		if (now.e[i].data != s->msrs.e[i].data && s->msrs.e[i].index != MSR_HV_TIME_REF_COUNT &&
		    s->msrs.e[i].index != MSR_IA32_TSC_DEADLINE && !(keep_tsc && s->msrs.e[i].index == MSR_IA32_TSC))
			want.e[want.hdr.nmsrs++] = s->msrs.e[i];
	if (!want.hdr.nmsrs)
		return 0;
	r = ioctl(vcpu, KVM_SET_MSRS, &want);
	if (r < 0)
		return -errno;
	return (uint32_t)r == want.hdr.nmsrs ? 0 : -EINVAL;
}

/*
 * IA32_TSC_DEADLINE after the LAPIC, as QEMU's kvm_put_tscdeadline_msr(): KVM drops the
 * write unless LVTT is already in TSC-deadline mode (6.1 lapic.c
 * kvm_set_lapic_tscdeadline_msr()), which on a new vCPU only KVM_SET_LAPIC makes it.
 */
static int set_tsc_deadline(int vcpu, const struct vcpu_state *s)
{
	for (uint32_t i = 0; i < s->msrs.hdr.nmsrs; i++) {
		struct {
			struct kvm_msrs hdr;
			struct kvm_msr_entry e;
		} one = { .hdr.nmsrs = 1, .e = s->msrs.e[i] };
		int r;

		if (s->msrs.e[i].index != MSR_IA32_TSC_DEADLINE)
			continue;
		r = ioctl(vcpu, KVM_SET_MSRS, &one);
		return r == 1 ? 0 : r < 0 ? -errno : -EINVAL;
	}
	return 0;
}

int vcpu_state_set(int vcpu, const struct vcpu_state *s, bool same_vcpu, enum vmm_piece *piece)
{
	struct kvm_vcpu_events ev = s->events;
	bool tsc_by_offset = !same_vcpu && s->has_tsc_offset;
	uint64_t offset = s->tsc_offset;
	int e;

	TRY(SREGS, ioctl(vcpu, KVM_SET_SREGS, &s->sregs));
	if (s->nested)
		TRY(NESTED, ioctl(vcpu, KVM_SET_NESTED_STATE, s->nested));
	TRY(REGS, ioctl(vcpu, KVM_SET_REGS, &s->regs));
	TRY(XSAVE, ioctl(vcpu, KVM_SET_XSAVE, &s->xsave));
	if (s->has_xcrs)
		TRY(XCRS, ioctl(vcpu, KVM_SET_XCRS, &s->xcrs));
	e = set_msrs(vcpu, s, same_vcpu || tsc_by_offset);
	if (!e && tsc_by_offset)
		e = tsc_offset_attr(vcpu, KVM_SET_DEVICE_ATTR, &offset);
	if (e) {
		*piece = VMM_PIECE_MSRS;
		return e;
	}
	TRY(LAPIC, ioctl(vcpu, KVM_SET_LAPIC, &s->lapic));
	e = set_tsc_deadline(vcpu, s);
	if (e) {
		*piece = VMM_PIECE_MSRS;
		return e;
	}
	/* KVM_GET_VCPU_EVENTS leaves these out of flags; they are valid all the same. */
	ev.flags |= KVM_VCPUEVENT_VALID_NMI_PENDING | KVM_VCPUEVENT_VALID_SIPI_VECTOR;
	TRY(EVENTS, ioctl(vcpu, KVM_SET_VCPU_EVENTS, &ev));
	TRY(MP_STATE, ioctl(vcpu, KVM_SET_MP_STATE, &s->mp));
	TRY(DEBUGREGS, ioctl(vcpu, KVM_SET_DEBUGREGS, &s->dregs));
	return 0;
}

uint32_t vcpu_state_diff(const struct vcpu_state *a, const struct vcpu_state *b, uint32_t *msr,
			 uint32_t *nested_at)
{
	struct kvm_lapic_state la = a->lapic, lb = b->lapic;
	uint32_t d = 0;

	*msr = 0;
	*nested_at = ~0u;
	if (memcmp(&a->regs, &b->regs, sizeof(a->regs)))
		d |= BIT(VMM_PIECE_REGS);
	if (memcmp(&a->sregs, &b->sregs, sizeof(a->sregs)))
		d |= BIT(VMM_PIECE_SREGS);
	if (memcmp(&a->xsave, &b->xsave, sizeof(a->xsave)))
		d |= BIT(VMM_PIECE_XSAVE);
	if (a->has_xcrs != b->has_xcrs || memcmp(&a->xcrs, &b->xcrs, sizeof(a->xcrs)))
		d |= BIT(VMM_PIECE_XCRS);
	for (uint32_t i = 0; i < a->msrs.hdr.nmsrs && i < b->msrs.hdr.nmsrs; i++) {
		if (clock_msr(a->msrs.e[i].index) || a->msrs.e[i].data == b->msrs.e[i].data)
			continue;
		d |= BIT(VMM_PIECE_MSRS);
		if (!*msr)
			*msr = a->msrs.e[i].index;
	}
	memset(la.regs + APIC_TIMER_CCR, 0, 4);
	memset(lb.regs + APIC_TIMER_CCR, 0, 4);
	if (memcmp(&la, &lb, sizeof(la)))
		d |= BIT(VMM_PIECE_LAPIC);
	if (memcmp(&a->events, &b->events, sizeof(a->events)))
		d |= BIT(VMM_PIECE_EVENTS);
	if (a->mp.mp_state != b->mp.mp_state)
		d |= BIT(VMM_PIECE_MP_STATE);
	if (memcmp(&a->dregs, &b->dregs, sizeof(a->dregs)))
		d |= BIT(VMM_PIECE_DEBUGREGS);
	if (a->nested && b->nested) {
		uint32_t n = a->nested->size > b->nested->size ? a->nested->size : b->nested->size;
		const uint8_t *pa = (const void *)a->nested, *pb = (const void *)b->nested;
		uint32_t head = offsetof(struct kvm_nested_state, data);

		/* The header is api.rst's; the data (vmcs12, the VMCB's control area) is KVM's
		 * own layout, opaque: a difference there is reported apart (NESTED_DATA). */
		for (uint32_t i = 0; i < n && i < a->nested_size && i < b->nested_size; i++)
			if (pa[i] != pb[i]) {
				d |= BIT(i < head ? VMM_PIECE_NESTED : VMM_PIECE_NESTED_DATA);
				*nested_at = i;
				break;
			}
	}
	return d;
}

void vcpu_state_view(const struct vcpu_state *s, struct vmm_actor_view *v)
{
	const struct kvm_vcpu_events *e = &s->events;

	memset(v, 0, sizeof(*v));
	v->rip = s->regs.rip;
	v->rsp = s->regs.rsp;
	v->rflags = s->regs.rflags;
	v->rax = s->regs.rax;
	v->cr0 = s->sregs.cr0;
	v->cr2 = s->sregs.cr2;
	v->cr3 = s->sregs.cr3;
	v->cr4 = s->sregs.cr4;
	v->efer = s->sregs.efer;
	v->mp_state = s->mp.mp_state;
	if (s->nested) {
		v->nested_flags = s->nested->flags;
		v->nested_format = s->nested->format;
		v->nested_size = s->nested->size;
		if (s->nested->format == KVM_STATE_NESTED_FORMAT_VMX) {
			v->vmxon_pa = s->nested->hdr.vmx.vmxon_pa;
			v->vmcs12_pa = s->nested->hdr.vmx.vmcs12_pa;
			v->vmx_flags = s->nested->hdr.vmx.flags;
			v->preemption_deadline = s->nested->hdr.vmx.preemption_timer_deadline;
		} else {
			v->vmcs12_pa = s->nested->hdr.svm.vmcb_pa;
		}
	}
	v->events_flags = e->flags;
	v->exc_injected = e->exception.injected;
	v->exc_pending = e->exception.pending;
	v->exc_nr = e->exception.nr;
	v->exc_has_error = e->exception.has_error_code;
	v->exc_error = e->exception.error_code;
	v->exc_has_payload = e->exception_has_payload;
	v->exc_payload = e->exception_payload;
	v->nmi_injected = e->nmi.injected;
	v->nmi_pending = e->nmi.pending;
	v->nmi_masked = e->nmi.masked;
	v->int_injected = e->interrupt.injected;
	v->int_nr = e->interrupt.nr;
	v->int_shadow = e->interrupt.shadow;
}
