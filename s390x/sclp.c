// SPDX-License-Identifier: GPL-2.0-only
/*
 * SCLP console. SERVICE CALL (B220) hands the SCLP a service-call control
 * block (SCCB); completion is a service-signal external interruption (code
 * 0x2401), after which the SCCB's response code is valid. The SCCB layouts and
 * commands are those of QEMU's hw/s390x/event-facility.c and Linux's
 * drivers/s390/char/sclp.h: "write event mask" registers the VT220 event
 * type (0x1a), "write event data" carries the text. QEMU's -serial is the
 * VT220 sclpconsole.
 */
#include "s390x/sclp.h"
#include "s390x/interrupt.h"
#include "s390x/processor.h"
#include "lib/string.h"

#define SCLP_CMD_WRITE_EVENT_MASK	0x00780005u
#define SCLP_CMD_WRITE_EVENT_DATA	0x00760005u
#define SCLP_RC_NORMAL_COMPLETION	0x0020
#define SCLP_EVENT_VT220		0x1a
/* Event type t is bit t-1 of a mask, counted from the left. */
#define SCLP_EVENT_MASK_VT220		(1u << (32 - SCLP_EVENT_VT220))
#define SCLP_TEXT_MAX			512

struct sccb_header {
	u16 length;
	u8 function_code;
	u8 control_mask[3];
	u16 response_code;
} __attribute__((packed));

struct write_event_mask {
	struct sccb_header h;
	u16 reserved;
	u16 mask_length;
	u32 cp_receive_mask, cp_send_mask, sclp_receive_mask, sclp_send_mask;
} __attribute__((packed));

struct event_buffer_header {
	u16 length;
	u8 type;
	u8 flags;
	u16 reserved;
} __attribute__((packed));

struct write_event_data {
	struct sccb_header h;
	struct event_buffer_header ebh;
	char text[SCLP_TEXT_MAX];
} __attribute__((packed));

/* One page: an SCCB must not cross a page boundary nor sit in the lowcore. */
static u8 sccb_page[4096] __attribute__((aligned(4096)));
static volatile bool sclp_busy;

void sclp_service_signal(void)
{
	sclp_busy = false;
}

/* Returns the SERVICE CALL condition code; waits for the service signal when it started. */
static int sclp_call(u32 cmd)
{
	int cc;

	sclp_busy = true;
	asm volatile(".insn rre,0xb2200000,%[cmd],%[sccb]\n	/* SERVICE CALL */\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28"
		     : [cc] "=d"(cc)
		     : [cmd] "d"((u64)cmd), [sccb] "d"((u64)(unsigned long)sccb_page)
		     : "cc", "memory");
	if (cc) {
		sclp_busy = false;
		return cc;
	}
	while (sclp_busy)
		wait_for_external(CR0_SERVICE_SIGNAL);
	return 0;
}

int sclp_init(void)
{
	struct write_event_mask *m = (struct write_event_mask *)sccb_page;

	memset(sccb_page, 0, sizeof(struct write_event_mask));
	m->h.length = sizeof(*m);
	m->mask_length = sizeof(u32);
	m->cp_receive_mask = SCLP_EVENT_MASK_VT220;
	m->cp_send_mask = SCLP_EVENT_MASK_VT220;
	if (sclp_call(SCLP_CMD_WRITE_EVENT_MASK))
		return -1;
	return m->h.response_code == SCLP_RC_NORMAL_COMPLETION ? 0 : m->h.response_code;
}

static void sclp_write(const char *s, size_t n)
{
	struct write_event_data *d = (struct write_event_data *)sccb_page;

	memset(d, 0, sizeof(d->h) + sizeof(d->ebh));
	memcpy(d->text, s, n);
	d->h.length = sizeof(d->h) + sizeof(d->ebh) + n;
	d->ebh.length = sizeof(d->ebh) + n;
	d->ebh.type = SCLP_EVENT_VT220;
	sclp_call(SCLP_CMD_WRITE_EVENT_DATA);
}

void sclp_puts(const char *s)
{
	size_t n = strlen(s), k;

	for (; n; s += k, n -= k) {
		k = n < SCLP_TEXT_MAX ? n : SCLP_TEXT_MAX;
		sclp_write(s, k);
	}
}
