// SPDX-License-Identifier: GPL-2.0-only
/*
 * VMCS shadowing: L2 executes VMREAD/VMWRITE. With the field's bit clear in the
 * VMREAD/VMWRITE bitmap the access goes to the shadow VMCS without an exit; with it set
 * the instruction exits and L1 emulates it (SDM "VMCS Shadowing").
 */
#include "l1/scenario.h"
#include "l1/vmx/exit_emulate.h"

#define SHADOW_VALUE	0x1122334455667788ULL	/* in the shadow VMCS */
#define L1_VALUE	0x0badc0ffee000001ULL	/* what L1's emulation returns */
#define WRITE_BASE	0x7000ULL

static void shadow_setup(struct vcpu *v)
{
	v->ctl[CTL_PROC2] |= PROC2_VMCS_SHADOWING;
	shadow_vmcs_write(v, EMULATED_FIELD, SHADOW_VALUE);
	v->vvmcs_value = L1_VALUE;
	v->ctx->arg[0] = EMULATED_FIELD;
	v->ctx->arg[1] = WRITE_BASE;
}

static void vmread_exit_setup(struct vcpu *v)
{
	shadow_setup(v);
	vmread_bitmap_exit(EMULATED_FIELD);
}

static void vmwrite_exit_setup(struct vcpu *v)
{
	shadow_setup(v);
	vmwrite_bitmap_exit(EMULATED_FIELD);
}

static void vmread_check(struct vcpu *v)
{
	check(v->ctx->result[0] == SHADOW_VALUE, "L2 read the shadow VMCS value %#llx (want %#llx)",
	      (unsigned long long)v->ctx->result[0], SHADOW_VALUE);
}

static void vmread_exit_check(struct vcpu *v)
{
	check(v->ctx->result[0] == L1_VALUE, "L2 read L1's emulated value %#llx (want %#llx)",
	      (unsigned long long)v->ctx->result[0], L1_VALUE);
}

static void vmwrite_check(struct vcpu *v)
{
	u64 got = shadow_vmcs_read(v, EMULATED_FIELD);

	check(got == v->ctx->result[1], "shadow VMCS holds L2's last write %#llx (want %#llx)",
	      (unsigned long long)got, (unsigned long long)v->ctx->result[1]);
}

static void vmwrite_exit_check(struct vcpu *v)
{
	u64 got = shadow_vmcs_read(v, EMULATED_FIELD);

	check(v->vvmcs_value == v->ctx->result[1], "L1 saw L2's last write %#llx (want %#llx)",
	      (unsigned long long)v->vvmcs_value, (unsigned long long)v->ctx->result[1]);
	check(got == SHADOW_VALUE, "shadow VMCS untouched: %#llx (want %#llx)",
	      (unsigned long long)got, SHADOW_VALUE);
}

const struct scenario scn_shadow_vmread = {
	.needs	= NEEDS(VMCS_SHADOWING),
	.setup	= shadow_setup,
	.l2	= l2_vmread,
	.check	= vmread_check,
};

const struct scenario scn_shadow_vmread_exit = {
	.needs	= NEEDS(VMCS_SHADOWING),
	.setup	= vmread_exit_setup,
	.l2	= l2_vmread,
	.expect	= { { XK_VMREAD, 1 } },
	.check	= vmread_exit_check,
};

const struct scenario scn_shadow_vmwrite = {
	.needs	= NEEDS(VMCS_SHADOWING),
	.setup	= shadow_setup,
	.l2	= l2_vmwrite,
	.check	= vmwrite_check,
};

const struct scenario scn_shadow_vmwrite_exit = {
	.needs	= NEEDS(VMCS_SHADOWING),
	.setup	= vmwrite_exit_setup,
	.l2	= l2_vmwrite,
	.expect	= { { XK_VMWRITE, 1 } },
	.check	= vmwrite_exit_check,
};
