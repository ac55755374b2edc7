/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef X86_SETJMP_H
#define X86_SETJMP_H

struct jmp_buf {
	unsigned long regs[8];
};

int nl_setjmp(struct jmp_buf *b) __attribute__((returns_twice));
__attribute__((noreturn)) void nl_longjmp(struct jmp_buf *b, int val);

#endif
