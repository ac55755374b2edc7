// SPDX-License-Identifier: GPL-2.0-only
/*
 * eptx/: EPT in depth. The access-rights matrix, one row per case: an EPT entry of some
 * level (4 KiB PTE, a PDE or PDPTE referencing a table, a 2 MiB or 1 GiB leaf) is given
 * restricted rights, L2 reads, writes or executes through it, and the access either
 * completes without an exit, is an EPT violation whose exit qualification (SDM "Exit
 * Qualification for EPT Violations": access bits 2:0, the AND of the R/W/X bits of every
 * entry used at 5:3, linear-address valid 7, access to the translation 8) and guest-
 * physical address L1 checks, or an EPT misconfiguration (reason 49: SDM "EPT
 * Misconfigurations": write without read, a reserved memory type, a reserved bit).
 * Execute-only needs IA32_VMX_EPT_VPID_CAP bit 0, 1 GiB pages bit 17. On the exit L1
 * relaxes the entry to RWX and L2's access completes; at L2's VMCALL after each access
 * L1 restores the row's entry and invalidates (INVEPT), so every iteration sees it anew.
 */
#include "l1/scenarios/eptx_map.h"

enum outcome { OUT_OK, OUT_VIOLATION, OUT_MISCONFIG };
enum { S_ENTRY = 1, S_RESTRICTED, S_RELAXED, S_GPA, S_WANT_QUAL, ROW_STATE = 13 };

#define QUAL_CHECKED	0x1bfULL	/* bits 5:0, 7, 8 */
#define QUAL_GLA_VALID	BIT(7)
#define QUAL_TRANSLATED	BIT(8)
#define EPT_RSVD_BIT3	BIT(3)		/* reserved in an entry that references a table */

struct eptx_row {
	u8 level;		/* 1 PTE, 2 PDE, 3 PDPTE */
	bool leaf;		/* level 2/3: a 2 MiB / 1 GiB page */
	u64 bits;		/* the restricted entry's bits 11:0 */
	enum l2_eptx_access access;
	enum outcome outcome;
	u64 cap;		/* IA32_VMX_EPT_VPID_CAP bits needed */
};

static const struct eptx_row *row_of(struct vcpu *v)
{
	return (const struct eptx_row *)v->scn_state[ROW_STATE];
}

static void restrict_entry(struct vcpu *v)
{
	*(u64 *)v->scn_state[S_ENTRY] = v->scn_state[S_RESTRICTED];
	eptx_invept(v);
}

static enum exit_action eptx_on_exit(struct vcpu *v, u64 code)
{
	const struct eptx_row *r = row_of(v);
	u64 gpa, q;

	switch (code & 0xffff) {
	case EXIT_VMCALL:
		if (v->gpr[RAX] == HC_NOP)
			restrict_entry(v);
		return EXIT_DEFAULT;
	case EXIT_EPT_VIOLATION:
	case EXIT_EPT_MISCONFIG:
		break;
	default:
		return EXIT_DEFAULT;
	}
	gpa = vmread(VMCS_GUEST_PHYSICAL_ADDRESS);
	q = vmread(VMCS_EXIT_QUALIFICATION);
	if ((gpa & ~0xfffULL) != v->scn_state[S_GPA])
		return vcpu_error(v, "EPT exit at GPA %#llx, not the test page %#llx (qualification %#llx)",
				  (unsigned long long)gpa, (unsigned long long)v->scn_state[S_GPA],
				  (unsigned long long)q);
	if ((code & 0xffff) == EXIT_EPT_VIOLATION) {
		if (r->outcome != OUT_VIOLATION || (q & QUAL_CHECKED) != v->scn_state[S_WANT_QUAL] ||
		    vmread(VMCS_GUEST_LINEAR_ADDRESS) != gpa)
			vmxb_bad(v, q);
	} else if (r->outcome != OUT_MISCONFIG) {
		vmxb_bad(v, 0x49);
	}
	*(u64 *)v->scn_state[S_ENTRY] = v->scn_state[S_RELAXED];
	eptx_invept(v);
	return EXIT_RESUME;	/* fault-like: L2 retries the access */
}

static const u64 access_qual[] = {
	[L2_EPTX_READ] = BIT(0), [L2_EPTX_WRITE] = BIT(1), [L2_EPTX_EXEC] = BIT(2),
};

static void eptx_setup(struct vcpu *v, const struct eptx_row *r)
{
	u64 page = eptx_page(0), gpa = EPTX_GPA, addr, *e;

	vmxb_need_ept_cap(r->cap, "the row's EPT capability");
	eptx_build(v, false, false);
	if (r->level == 2 && r->leaf) {		/* a 2 MiB page holding backing page 0 */
		gpa = EPTX_GPA_2M + (page & 0x1fffff);
		addr = page & ~0x1fffffULL;
	} else if (r->level == 3 && r->leaf) {	/* a 1 GiB page: GPA slot 3 onto host 0 */
		gpa = (EPTX_GPA & ~0x3fffffffULL) + page;
		addr = 0;
	} else {
		addr = EPT_ADDR(*eptx_entry(gpa, r->level));
	}
	e = eptx_entry(gpa, r->level);
	v->scn_state[ROW_STATE] = (u64)r;
	v->scn_state[S_ENTRY] = (u64)e;
	v->scn_state[S_RESTRICTED] = addr | r->bits;
	v->scn_state[S_RELAXED] = addr | EPT_RWX | (r->level == 1 || r->leaf ? EPT_MT_WB : 0) | (r->leaf ? EPT_LEAF : 0);
	v->scn_state[S_GPA] = gpa & ~0xfffULL;
	v->scn_state[S_WANT_QUAL] = access_qual[r->access] | ((r->bits & EPT_RWX) << 3) | QUAL_GLA_VALID |
				    QUAL_TRANSLATED;
	restrict_entry(v);
	v->ctx->arg[0] = gpa & ~0xfffULL;
	v->ctx->arg[1] = r->access;
	v->ctx->arg[2] = 1;
	v->ctx->arg[3] = EPTX_MARK(0);
}

static void eptx_check(struct vcpu *v)
{
	vmxb_check_none_bad(v, "EPT exit qualifications");
	vmxb_check_l2_clean(v, "marks read through EPT");
}

#define R	EPT_R
#define W	EPT_W
#define X_	EPT_X
#define WB	EPT_MT_WB
#define NOCAP	0ULL
/* X(id, level, leaf, restricted bits, access, outcome, exits, capability) */
#define EPTX_ROWS(X)								\
	X(eptx_pte_r_read, 1, false, R | WB, READ, OK, 0, NOCAP)		\
	X(eptx_pte_r_write, 1, false, R | WB, WRITE, VIOLATION, 1, NOCAP)	\
	X(eptx_pte_r_exec, 1, false, R | WB, EXEC, VIOLATION, 1, NOCAP)	\
	X(eptx_pte_rw_exec, 1, false, R | W | WB, EXEC, VIOLATION, 1, NOCAP)	\
	X(eptx_pte_rx_write, 1, false, R | X_ | WB, WRITE, VIOLATION, 1, NOCAP)	\
	X(eptx_pte_none_read, 1, false, 0, READ, VIOLATION, 1, NOCAP)		\
	X(eptx_pte_xonly_read, 1, false, X_ | WB, READ, VIOLATION, 1, EPT_CAP_EXEC_ONLY) \
	X(eptx_pte_xonly_exec, 1, false, X_ | WB, EXEC, OK, 0, EPT_CAP_EXEC_ONLY) \
	X(eptx_pde_r_write, 2, false, R, WRITE, VIOLATION, 1, NOCAP)		\
	X(eptx_pdpte_rx_write, 3, false, R | X_, WRITE, VIOLATION, 1, NOCAP)	\
	X(eptx_2m_read, 2, true, R | W | X_ | WB | EPT_LEAF, READ, OK, 0, EPT_CAP_2M_PAGES) \
	X(eptx_2m_r_write, 2, true, R | WB | EPT_LEAF, WRITE, VIOLATION, 1, EPT_CAP_2M_PAGES) \
	X(eptx_1g_read, 3, true, R | W | X_ | WB | EPT_LEAF, READ, OK, 0, EPT_CAP_1G_PAGES) \
	X(eptx_1g_rw_exec, 3, true, R | W | WB | EPT_LEAF, EXEC, VIOLATION, 1, EPT_CAP_1G_PAGES) \
	X(eptx_misconfig_write_only, 1, false, W | WB, READ, MISCONFIG, 1, NOCAP) \
	X(eptx_misconfig_memtype, 1, false, R | W | X_ | EPT_MT(2), READ, MISCONFIG, 1, NOCAP) \
	X(eptx_misconfig_pde_rsvd, 2, false, R | W | X_ | EPT_RSVD_BIT3, READ, MISCONFIG, 1, NOCAP)

#define X(id, lvl, leaf_, bits_, acc, out, n, cap_)				\
	static const struct eptx_row row_##id = {				\
		.level = lvl, .leaf = leaf_, .bits = bits_, .access = L2_EPTX_##acc, \
		.outcome = OUT_##out, .cap = cap_,				\
	};									\
	static void setup_##id(struct vcpu *v) { eptx_setup(v, &row_##id); }	\
	const struct scenario scn_##id = {					\
		.needs = NEEDS(VMX) | NEEDS(NESTED_PAGING), .setup = setup_##id,	\
		.l2 = l2_eptx, .check = eptx_check, .on_exit = eptx_on_exit,	\
		.expect = { { XK_HYPERCALL, 1 },				\
			    { NATIVE_EXIT(OUT_##out == OUT_MISCONFIG ? EXIT_EPT_MISCONFIG \
									: EXIT_EPT_VIOLATION), n } }, \
		.max_iters = 16,						\
	};
EPTX_ROWS(X)
#undef X
