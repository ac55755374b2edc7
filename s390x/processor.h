/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * z/Architecture instructions as inline functions. Mnemonics and operand
 * forms from the Principles of Operation (SA22-7832-13), chapters 7
 * ("General Instructions") and 10 ("Control Instructions").
 */
#ifndef S390X_PROCESSOR_H
#define S390X_PROCESSOR_H

#include "lib/types.h"

/* PSW mask bits ("Program-Status Word", z/Architecture PSW format). */
#define PSW_MASK_PER	BIT(63 - 1)
#define PSW_MASK_DAT	BIT(63 - 5)
#define PSW_MASK_IO	BIT(63 - 6)
#define PSW_MASK_EXT	BIT(63 - 7)
#define PSW_MASK_MCHECK	BIT(63 - 13)
#define PSW_MASK_WAIT	BIT(63 - 14)
#define PSW_MASK_PSTATE	BIT(63 - 15)
#define PSW_MASK_EA	BIT(63 - 31)
#define PSW_MASK_BA	BIT(63 - 32)
#define PSW_MASK_64	(PSW_MASK_EA | PSW_MASK_BA)

/* CR0 external-interruption subclass masks ("Control Registers"). */
#define CR0_AFP			BIT(63 - 45)	/* AFP-register control */
#define CR0_EMERGENCY_SIGNAL	BIT(63 - 49)
#define CR0_EXTERNAL_CALL	BIT(63 - 50)
#define CR0_SERVICE_SIGNAL	BIT(63 - 54)

static inline u64 stctg0(void)
{
	u64 v;

	asm volatile("stctg %%c0,%%c0,%0" : "=Q"(v));
	return v;
}

static inline void lctlg0(u64 v)
{
	asm volatile("lctlg %%c0,%%c0,%0" : : "Q"(v) : "memory");
}

static inline void stctg_all(u64 crs[16])
{
	asm volatile("stctg %%c0,%%c15,%0" : "=Q"(*(u64(*)[16])crs));
}

static inline u32 stpx(void)
{
	u32 v;

	asm volatile("stpx %0" : "=Q"(v));
	return v;
}

static inline u16 stap(void)
{
	u16 v;

	asm volatile("stap %0" : "=Q"(v));
	return v;
}

/* STORE CLOCK FAST: the TOD clock, bit 51 = 1 microsecond ("TOD Clock"). */
static inline u64 stckf(void)
{
	u64 v;

	asm volatile("stckf %0" : "=Q"(v) : : "cc");
	return v;
}

static inline u32 stfpc(void)
{
	u32 v;

	asm volatile("stfpc %0" : "=Q"(v));
	return v;
}

/*
 * SIGNAL PROCESSOR: order in the second-operand address, parameter in the odd
 * register R1+1, status (cc 1) in bits 32-63 of R1. Returns the condition code.
 */
static inline int sigp(u16 addr, u8 order, u64 param, u32 *status)
{
	register u64 r0 asm("0") = 0;
	register u64 r1 asm("1") = param;
	int cc;

	asm volatile("sigp %[r0],%[addr],0(%[order])\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28"
		     : [cc] "=d"(cc), [r0] "+d"(r0), "+d"(r1)
		     : [addr] "d"((u64)addr), [order] "a"((u64)order)
		     : "cc", "memory");
	if (status)
		*status = (u32)r0;
	return cc;
}

/* SIGP order codes ("Signal-Processor Orders"). */
enum sigp_order {
	SIGP_SENSE = 0x01,
	SIGP_EXTERNAL_CALL = 0x02,
	SIGP_EMERGENCY_SIGNAL = 0x03,
	SIGP_START = 0x04,
	SIGP_STOP = 0x05,
	SIGP_RESTART = 0x06,
	SIGP_STOP_AND_STORE_STATUS = 0x09,
	SIGP_INITIAL_CPU_RESET = 0x0b,
	SIGP_CPU_RESET = 0x0c,
	SIGP_SET_PREFIX = 0x0d,
	SIGP_STORE_STATUS_AT_ADDRESS = 0x0e,
	SIGP_SET_ARCHITECTURE = 0x12,
};

/* SIGP status bits, bits 32-63 of R1 ("Signal-Processor Orders", Figure "Status Bits"). */
#define SIGP_STATUS_EQUIPMENT_CHECK	0x80000000u
#define SIGP_STATUS_INCORRECT_STATE	0x00000200u
#define SIGP_STATUS_INVALID_PARAMETER	0x00000100u
#define SIGP_STATUS_EXT_CALL_PENDING	0x00000080u
#define SIGP_STATUS_STOPPED		0x00000040u
#define SIGP_STATUS_OPERATOR_INTERV	0x00000020u
#define SIGP_STATUS_CHECK_STOP		0x00000010u
#define SIGP_STATUS_INOPERATIVE		0x00000004u
#define SIGP_STATUS_INVALID_ORDER	0x00000002u
#define SIGP_STATUS_RECEIVER_CHECK	0x00000001u

/* SIGP condition codes. */
enum { SIGP_CC_ACCEPTED, SIGP_CC_STATUS_STORED, SIGP_CC_BUSY, SIGP_CC_NOT_OPERATIONAL };

/* STORE SYSTEM INFORMATION: returns the cc; r0 in/out for fc 0 ("current level"). */
static inline int stsi(void *buf, u32 fc, u32 sel1, u32 sel2, u64 *r0_out)
{
	register u64 r0 asm("0") = ((u64)fc << 28) | sel1;
	register u64 r1 asm("1") = sel2;
	int cc;

	asm volatile("stsi 0(%[buf])\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28"
		     : [cc] "=d"(cc), "+d"(r0)
		     : [buf] "a"(buf), "d"(r1)
		     : "cc", "memory");
	if (r0_out)
		*r0_out = r0;
	return cc;
}

/* STORE FACILITY LIST EXTENDED: n doublewords; returns the cc, *needed = doublewords - 1. */
static inline int stfle(u64 *list, unsigned n, unsigned *needed)
{
	register u64 r0 asm("0") = n - 1;
	int cc;

	asm volatile("stfle %[list]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28"
		     : [cc] "=d"(cc), "+d"(r0), [list] "=Q"(*(u64(*)[4])list)
		     : : "cc", "memory");
	if (needed)
		*needed = (unsigned)(r0 & 0xff);
	return cc;
}

/* DIAGNOSE X'44' (voluntary time-slice end): no operands, no result. */
static inline void diag44(void)
{
	asm volatile("diag 0,0,0x44" : : : "memory");
}

/* DIAGNOSE X'9C' (directed time-slice end): R1 names the CPU to yield to. */
static inline void diag9c(u16 cpu)
{
	asm volatile("diag %0,0,0x9c" : : "d"((u64)cpu) : "memory");
}

/* The ns a TOD-clock difference stands for: bit 51 is 1 us, so 4096 units per us. */
static inline u64 tod_to_ns(u64 tod)
{
	return tod * 125 / 512;
}

#endif
