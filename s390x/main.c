// SPDX-License-Identifier: GPL-2.0-only
/* s390x entry: new PSWs, SCLP console, command line, the selected scenarios, stop. */
#include "s390x/interrupt.h"
#include "s390x/processor.h"
#include "s390x/scenario.h"
#include "s390x/sclp.h"
#include "lib/coverage.h"
#include "lib/console.h"
#include "lib/guest.h"
#include "lib/scenario_records.h"
#include "lib/record.h"
#include "lib/report.h"
#include "lib/string.h"

extern char ipl_cmdline[];
#define IPL_CMDLINE_MAX 0x37f	/* QEMU copies -append to 0x10480, up to 0x10800 */

static struct guest_cmdline cmd;
static u8 sysib[4096] __attribute__((aligned(4096)));

/* SYSIB text is EBCDIC: letters, digits and blanks are all it holds here. */
static void ebcdic_field(const u8 *in, size_t n, char *out)
{
	static const char letters[] = "abcdefghi.......jklmnopqr........stuvwxyz";
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		u8 c = in[i];
		char a = '?';

		if (c >= 0xf0 && c <= 0xf9)
			a = (char)('0' + c - 0xf0);
		else if (c >= 0xc1 && c <= 0xe9 && letters[c - 0xc1] != '.')
			a = (char)(letters[c - 0xc1] - 'a' + 'A');
		else if (c >= 0x81 && c <= 0xa9 && letters[c - 0x81] != '.')
			a = letters[c - 0x81];
		else if (c == 0x40 || c == 0)
			a = ' ';
		out[k++] = a;
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = 0;
}

static void begin_record(void)
{
	char manufacturer[17] = "", type[5] = "", brand[40];
	struct record r;

	/* SYSIB 1.1.1 ("STORE SYSTEM INFORMATION"): manufacturer at 32, type at 48. */
	if (!stsi(sysib, 1, 1, 1, NULL)) {
		ebcdic_field(sysib + 32, 16, manufacturer);
		ebcdic_field(sysib + 48, 4, type);
	}
	memcpy(brand, "machine type ", 13);
	memcpy(brand + 13, type, sizeof(type));
	record_begin(&r, "begin");
	record_u64(&r, "v", RECORD_VERSION);
	record_str(&r, "arch", "s390x");
	record_str(&r, "cpu", manufacturer[0] ? manufacturer : "unknown");
	if (type[0])
		record_str(&r, "brand", brand);
	record_str(&r, "boot", "ipl");
	if (cmd.text[0])
		record_str(&r, "cmdline", cmd.text);
	record_emit(&r);
	console_printf("INFO: nestlab s390x: %s %s, CPU address %u\n", manufacturer, brand, stap());
}

void s390x_main(void);

void s390x_main(void)
{
	interrupt_install(0);
	if (sclp_init())
		s390x_crash("sclp", 0, 0, 0, 0);	/* no console: QEMU's exit says it */
	report_set_output(console_puts);
	guest_cmdline_parse(&cmd, ipl_cmdline, IPL_CMDLINE_MAX);
	begin_record();
	report_prefix_push("s390x");
	guest_run_selected(cmd.run, &cmd.opt);
	if (cmd.opt.coverage) {
		/* libgcov is built with hard float: its prologues save f8-f15, the AFP registers. */
		lctlg0(stctg0() | CR0_AFP);
		coverage_dump();
	}
	guest_end();
	s390x_halt();
}
