/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The z/Architecture prefix area (lowcore) and the store-status save area.
 * Offsets from the Principles of Operation, "Assigned Storage Locations"
 * (SA22-7832-13, chapter 3, "Storage"), checked with _Static_assert below.
 * Shared with start.S: offsets only, no C there.
 */
#ifndef S390X_LOWCORE_H
#define S390X_LOWCORE_H

#define LC_EXT_PARAM		0x080	/* external-interruption parameter (4) */
#define LC_EXT_CPU_ADDR		0x084	/* CPU address of the signalling CPU (2) */
#define LC_EXT_INT_CODE		0x086	/* external-interruption code (2) */
#define LC_SVC_CODE		0x08a
#define LC_PGM_ILC		0x08c	/* program-interruption ILC (2) */
#define LC_PGM_CODE		0x08e	/* program-interruption code (2) */
#define LC_TRANS_EXC		0x0a8	/* translation-exception identification (8) */
#define LC_ARCH_MODE_ID		0x0a3
#define LC_IO_INT_PARAM		0x0bc
#define LC_MCCK_CODE		0x0e8	/* machine-check-interruption code (8) */
#define LC_RESTART_OLD_PSW	0x120
#define LC_EXT_OLD_PSW		0x130
#define LC_SVC_OLD_PSW		0x140
#define LC_PGM_OLD_PSW		0x150
#define LC_MCCK_OLD_PSW		0x160
#define LC_IO_OLD_PSW		0x170
#define LC_RESTART_NEW_PSW	0x1a0
#define LC_EXT_NEW_PSW		0x1b0
#define LC_SVC_NEW_PSW		0x1c0
#define LC_PGM_NEW_PSW		0x1d0
#define LC_MCCK_NEW_PSW		0x1e0
#define LC_IO_NEW_PSW		0x1f0
#define LC_NEW_PSWS_END		0x200

/*
 * Bytes 0xd00-0xfff are not assigned by the architecture: nestlab's scratch
 * area in each lowcore, for code that has no usable base register (start.S).
 */
#define LC_SCRATCH_GPRS		0xd00	/* 16 x 8: GPRs at clear-reset resumption */
#define LC_SCRATCH_ARS		0xd80	/* 16 x 4 */
#define LC_SCRATCH_CRS		0xdc0	/* 16 x 8 */
#define LC_SCRATCH_FPC		0xe40
#define LC_SCRATCH_PREFIX	0xe44
#define LC_SCRATCH_PSWMASK	0xe48	/* EPSW: two words */
#define LC_SCRATCH_PTR		0xe50	/* a pointer kept across lmg */
#define LC_SCRATCH_OUT_GPRS	0xe80	/* 16 x 8: preserve probe results */
#define LC_SCRATCH_OUT_ARS	0xf00	/* 16 x 4 */
#define LC_SCRATCH_OUT_PSW	0xf40	/* EPSW: two words */
#define LC_INT_GPRS		0xc00	/* 16 x 8: GPRs of the interrupted code */
#define LC_INT_STACK		0xc80	/* this CPU's interrupt stack top */
#define LC_WAIT_PSW		0xf60	/* CPU 1's disabled-wait PSW (reset tests) */
#define LC_LOADED		0xf70	/* CPU 1 sets it to 1 with every register loaded */
#define LC_SIZE			0x2000	/* two 4K pages: prefix is 8K aligned */

/*
 * Store-status save area: absolute 0x1200-0x13ff for SIGP stop and store
 * status; any 512-byte aligned address for SIGP store status at address.
 * Offsets relative to its start (PoP, "Store Status", "Assigned Storage
 * Locations": floating-point, general, PSW, prefix, FPC, TOD programmable,
 * CPU timer, clock comparator bits 0-55, access, control registers).
 */
#define SS_FPRS		0x000
#define SS_GPRS		0x080
#define SS_PSW		0x100
#define SS_PREFIX	0x118
#define SS_FPC		0x11c
#define SS_TODPR	0x124
#define SS_CPU_TIMER	0x128
#define SS_CLOCK_COMP	0x130
#define SS_ARS		0x140
#define SS_CRS		0x180
#define SS_SIZE		0x200

#ifndef __ASSEMBLER__
#include "lib/types.h"

struct psw {
	u64 mask, addr;
};

struct store_status {
	u64 fprs[16];		/* 0x000 */
	u64 gprs[16];		/* 0x080 */
	struct psw psw;		/* 0x100 */
	u8 pad_110[8];
	u32 prefix;		/* 0x118 */
	u32 fpc;		/* 0x11c */
	u8 pad_120[4];
	u32 todpr;		/* 0x124 */
	u64 cpu_timer;		/* 0x128 */
	u64 clock_comp;		/* 0x130: 0 byte, then clock comparator bits 0-55 */
	u8 pad_138[8];
	u32 ars[16];		/* 0x140 */
	u64 crs[16];		/* 0x180 */
} __attribute__((packed, aligned(512)));

_Static_assert(__builtin_offsetof(struct store_status, gprs) == SS_GPRS, "gprs");
_Static_assert(__builtin_offsetof(struct store_status, psw) == SS_PSW, "psw");
_Static_assert(__builtin_offsetof(struct store_status, prefix) == SS_PREFIX, "prefix");
_Static_assert(__builtin_offsetof(struct store_status, fpc) == SS_FPC, "fpc");
_Static_assert(__builtin_offsetof(struct store_status, todpr) == SS_TODPR, "todpr");
_Static_assert(__builtin_offsetof(struct store_status, cpu_timer) == SS_CPU_TIMER, "timer");
_Static_assert(__builtin_offsetof(struct store_status, clock_comp) == SS_CLOCK_COMP, "ckc");
_Static_assert(__builtin_offsetof(struct store_status, ars) == SS_ARS, "ars");
_Static_assert(__builtin_offsetof(struct store_status, crs) == SS_CRS, "crs");
_Static_assert(sizeof(struct store_status) == SS_SIZE, "size");

/* Lowcore fields read through a pointer to real address 0 (the prefix area). */
#define LC_PTR(type, off) ((volatile type *)(unsigned long)(off))
#endif

#endif
