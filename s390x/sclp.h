/* SPDX-License-Identifier: GPL-2.0-only */
/* The SCLP VT220 console: nestlab's only output on s390x. */
#ifndef S390X_SCLP_H
#define S390X_SCLP_H

/* Registers the console's event masks; 0 or the SCLP response code. */
int sclp_init(void);
void sclp_puts(const char *s);
/* Called by the external-interruption handler for a service signal. */
void sclp_service_signal(void);

#endif
