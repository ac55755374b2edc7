// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "l0/kvm/vmm_actor.h"
#include "l0/kvm/vmm_delayed.h"

#define PAGE		4096u
#define MSI_ADDR_APIC0	0xfee00000u	/* physical destination APIC 0 (SDM "Message Address Register Format") */
#define IRQCHIPS	3		/* KVM_IRQCHIP_PIC_MASTER, _PIC_SLAVE, _IOAPIC */

static const char *const piece_names[VMM_PIECE_COUNT] = {
#define X(id, bit, name) [bit] = name,
	VMM_PIECES(X)
#undef X
};

const char *vmm_pieces_text(uint32_t mask)
{
	static char buf[160];
	size_t n = 0;

	buf[0] = 0;
	for (int i = 0; i < VMM_PIECE_COUNT; i++)
		if (mask & BIT(i))
			n += snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? " " : "", piece_names[i]);
	return n ? buf : "none";
}

int vmm_actor_init(struct vmm_actor *x, const struct kvm_vm *vm)
{
	int e;

	memset(x, 0, sizeof(*x));
	e = vcpu_state_init(vm->kvm, &x->before);
	if (!e)
		e = vcpu_state_init(vm->kvm, &x->after);
	return e;
}

void vmm_actor_free(struct vmm_actor *x)
{
	vcpu_state_free(&x->before);
	vcpu_state_free(&x->after);
}

static int ensure_ready(struct vmm_actor *x, const struct kvm_vm *vm)
{
	int e;

	if (x->ready)
		return 0;
	e = vcpu_state_msr_list(vm->kvm, vm->vcpu, &x->before);
	if (e)
		return e;
	x->after.msrs = x->before.msrs;
	x->ready = true;
	return 0;
}

int vmm_complete_exit(struct kvm_vm *vm)
{
	int r;

	vm->run->immediate_exit = 1;
	r = ioctl(vm->vcpu, KVM_RUN, 0);
	vm->run->immediate_exit = 0;
	if (r < 0 && errno != EINTR)
		return -errno;
	return 0;
}

static bool zero_page(const uint8_t *p)
{
	const uint64_t *q = (const void *)p;

	for (size_t i = 0; i < PAGE / sizeof(*q); i++)
		if (q[i])
			return false;
	return true;
}

/*
 * Guest memory into the new VM. Pages never touched are not resident and read as zero in
 * both (private anonymous memory, no swap in the lab): only resident pages are copied, and
 * of those only the ones that are not all zero, so that the new VM's memory stays as
 * sparse as the guest left it (transparent huge pages make whole 2 MiB resident).
 */
static uint64_t copy_memory(const struct kvm_vm *from, struct kvm_vm *to)
{
	size_t pages = from->mem_size / PAGE;
	unsigned char *vec = malloc(pages);
	uint64_t n = 0;

	if (!vec || mincore(from->mem, from->mem_size, vec)) {
		memcpy(to->mem, from->mem, from->mem_size);
		free(vec);
		return pages;
	}
	for (size_t p = 0; p < pages; p++)
		if ((vec[p] & 1) && !zero_page(from->mem + p * PAGE)) {
			memcpy(to->mem + p * PAGE, from->mem + p * PAGE, PAGE);
			n++;
		}
	free(vec);
	return n;
}

/* The VM-level state: the in-kernel PICs and IOAPIC, and the clock. */
static int copy_vm_state(const struct kvm_vm *from, struct kvm_vm *to)
{
	struct kvm_clock_data clock;

	for (uint32_t id = 0; id < IRQCHIPS; id++) {
		struct kvm_irqchip chip = { .chip_id = id };

		if (ioctl(from->vm, KVM_GET_IRQCHIP, &chip) < 0 || ioctl(to->vm, KVM_SET_IRQCHIP, &chip) < 0)
			return -errno;
	}
	memset(&clock, 0, sizeof(clock));
	if (ioctl(from->vm, KVM_GET_CLOCK, &clock) == 0) {
		clock.flags = 0;
		if (ioctl(to->vm, KVM_SET_CLOCK, &clock) < 0)
			return -errno;
	}
	return 0;
}

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

int vmm_migrate(struct vmm_actor *x, struct kvm_vm *vm, enum vmm_piece *piece, uint32_t *differs)
{
	uint64_t t0 = now_ns();
	struct kvm_vm nv;
	struct diag why = { "", "" };
	uint32_t msr, at;
	int e;

	*differs = 0;
	e = ensure_ready(x, vm);
	if (!e)
		e = vcpu_state_get(vm->vcpu, &x->before, piece);
	if (e)
		return e;
	if (kvm_vm_create(&nv, vm->mem_size, &why)) {
		*piece = VMM_PIECE_MEMORY;
		return -EIO;
	}
	x->copied_pages += copy_memory(vm, &nv);
	e = copy_vm_state(vm, &nv);
	if (e)
		*piece = VMM_PIECE_IRQCHIP;
	else
		e = vcpu_state_set(nv.vcpu, &x->before, false, piece);
	if (!e)
		e = vcpu_state_get(nv.vcpu, &x->after, piece);
	if (e) {
		kvm_vm_destroy(&nv);
		return e;
	}
	*differs = vcpu_state_diff(&x->before, &x->after, &msr, &at);
	kvm_vm_destroy(vm);
	*vm = nv;
	x->migrations++;
	x->ns += now_ns() - t0;
	return 0;
}

static int roundtrip(struct vmm_actor *x, struct kvm_vm *vm, enum vmm_piece *piece)
{
	int e = vcpu_state_get(vm->vcpu, &x->before, piece);

	if (!e)
		e = vcpu_state_set(vm->vcpu, &x->before, true, piece);
	if (!e)
		e = vcpu_state_get(vm->vcpu, &x->after, piece);
	return e;
}

/* One register or event, set on the vCPU as it stands (in guest mode: L2's). */
static int act_on_vcpu(struct vmm_actor *x, struct kvm_vm *vm, const struct vmm_actor_req *r, enum vmm_piece *piece)
{
	struct kvm_sregs *s = &x->before.sregs;
	struct kvm_regs regs;
	struct kvm_vcpu_events ev;
	int e = vcpu_state_get(vm->vcpu, &x->before, piece);

	if (e)
		return e;
	switch (r->action) {
	case VMM_ACT_SET_CR2:
	case VMM_ACT_SET_CR3: {
		struct kvm_sregs set = *s;

		*piece = VMM_PIECE_SREGS;
		if (r->action == VMM_ACT_SET_CR2)
			set.cr2 = r->arg[0];
		else
			set.cr3 = r->arg[0];
		if (ioctl(vm->vcpu, KVM_SET_SREGS, &set) < 0)
			return -errno;
		break;
	}
	case VMM_ACT_SET_RFLAGS:
		*piece = VMM_PIECE_REGS;
		regs = x->before.regs;
		regs.rflags = r->arg[0];
		if (ioctl(vm->vcpu, KVM_SET_REGS, &regs) < 0)
			return -errno;
		break;
	case VMM_ACT_EXCEPTION:
		*piece = VMM_PIECE_EVENTS;
		ev = x->before.events;
		ev.flags = KVM_VCPUEVENT_VALID_PAYLOAD;
		ev.exception.pending = 1;
		ev.exception.injected = 0;
		ev.exception.nr = (uint8_t)r->arg[0];
		ev.exception.has_error_code = !!(r->arg[2] & VMM_EXC_ERROR_CODE);
		ev.exception.error_code = (uint32_t)r->arg[1];
		ev.exception_has_payload = !!(r->arg[2] & VMM_EXC_PAYLOAD);
		ev.exception_payload = r->arg[3];
		if (ioctl(vm->vcpu, KVM_SET_VCPU_EVENTS, &ev) < 0)
			return -errno;
		if (r->arg[2] & VMM_EXC_MIGRATE) {
			struct vcpu_state keep = x->before;	/* the state before the exception */
			uint32_t differs;
			int e = vmm_migrate(x, vm, piece, &differs);

			x->before = keep;
			return e;	/* after: as the new vCPU reads back */
		}
		break;
	case VMM_ACT_NMI:
		*piece = VMM_PIECE_EVENTS;
		if (ioctl(vm->vcpu, KVM_NMI, 0) < 0)
			return -errno;
		break;
	case VMM_ACT_INTERRUPT: {
		struct kvm_msi msi = { .address_lo = MSI_ADDR_APIC0, .data = (uint32_t)(r->arg[0] & 0xff) };

		*piece = VMM_PIECE_LAPIC;
		if (ioctl(vm->vm, KVM_SIGNAL_MSI, &msi) < 0)
			return -errno;
		break;
	}
	}
	return vcpu_state_get(vm->vcpu, &x->after, piece);
}

/*
 * DELAYED: run the vCPU arg0 microseconds, read the state (before), then as arg2 says
 * queue the event and migrate, in either order; after = the state at the end.
 */
static int delayed(struct vmm_actor *x, struct kvm_vm *vm, const struct vmm_actor_req *r, enum vmm_piece *piece)
{
	bool first = r->arg[2] & VMM_DLY_QUEUE_FIRST, migrate = r->arg[2] & VMM_DLY_MIGRATE;
	int e = r->arg[0] ? vmm_run_for(vm, r->arg[0], piece) : 0;

	if (!e)
		e = vcpu_state_get(vm->vcpu, &x->before, piece);
	if (!e && (first || !migrate))
		e = vmm_queue_event(vm, r->arg[1], piece);
	if (!e && migrate) {
		struct kvm_mp_state mp = x->before.mp;	/* the view's: as the time ran out */
		struct kvm_vcpu_events ev = x->before.events;
		uint32_t differs;

		e = vmm_migrate(x, vm, piece, &differs);	/* reads before again, the event queued */
		x->before.mp = mp;
		x->before.events = ev;
		if (!e && !first)
			e = vmm_queue_event(vm, r->arg[1], piece);
	}
	return e ? e : vcpu_state_get(vm->vcpu, &x->after, piece);
}

void vmm_actor_request(struct vmm_actor *x, struct kvm_vm *vm, uint64_t gpa)
{
	struct vmm_actor_req r;
	enum vmm_piece piece = VMM_PIECE_REGS;
	uint32_t differs = 0, msr = 0, at = ~0u;
	int e;

	if (gpa > vm->mem_size || vm->mem_size - gpa < sizeof(r))
		return;		/* nowhere to answer */
	memcpy(&r, vm->mem + gpa, sizeof(r));
	x->seq++;
	e = ensure_ready(x, vm);
	if (e) {
		piece = VMM_PIECE_MSRS;
	} else {
		switch (r.action) {
		case VMM_ACT_READ:
			e = vcpu_state_get(vm->vcpu, &x->before, &piece);
			if (!e)
				e = vcpu_state_get(vm->vcpu, &x->after, &piece);
			break;
		case VMM_ACT_ROUNDTRIP:
			e = roundtrip(x, vm, &piece);
			break;
		case VMM_ACT_MIGRATE:
			e = vmm_migrate(x, vm, &piece, &differs);
			break;
		case VMM_ACT_SET_CR2: case VMM_ACT_SET_CR3: case VMM_ACT_SET_RFLAGS:
		case VMM_ACT_EXCEPTION: case VMM_ACT_NMI: case VMM_ACT_INTERRUPT:
			e = act_on_vcpu(x, vm, &r, &piece);
			break;
		case VMM_ACT_DELAYED:
			e = delayed(x, vm, &r, &piece);
			break;
		default:
			r.status = VMM_ST_BAD_ACTION;
			goto answer;
		}
	}
	r.status = e ? VMM_ST_FAILED : VMM_ST_DONE;
	r.failed_piece = e ? piece : 0;
	r.error = e ? (uint32_t)-e : 0;
	if (!e) {
		r.differs = vcpu_state_diff(&x->before, &x->after, &msr, &at);
		r.msr_diff = msr;
		r.nested_diff_at = at;
		vcpu_state_view(&x->before, &r.before);
		vcpu_state_view(&x->after, &r.after);
	}
	(void)differs;
answer:
	r.seq = x->seq;
	memcpy(vm->mem + gpa, &r, sizeof(r));	/* vm->mem: the new VM's after a migration */
}
