// SPDX-License-Identifier: GPL-2.0-only
/* s390x entry: new PSWs, SCLP console, command line, the selected scenarios, stop. */
#include "s390x/console.h"
#include "s390x/interrupt.h"
#include "s390x/processor.h"
#include "s390x/scenario.h"
#include "s390x/sclp.h"
#include "lib/scenario_records.h"
#include "lib/record.h"
#include "lib/report.h"
#include "lib/string.h"

extern char ipl_cmdline[];
#define CMDLINE_MAX 0x380

static char cmdline[CMDLINE_MAX], words[CMDLINE_MAX];
static const char *run_list;
static struct run_options opts = { .iters = DEFAULT_ITERS, .warmup = DEFAULT_WARMUP };
static u32 totals[4];
static u8 sysib[4096] __attribute__((aligned(4096)));

static u32 parse_u32(const char *s)
{
	u32 v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (u32)(*s++ - '0');
	return v;
}

/* Space-separated key=value words (docs/records.md, "L1 command line"). */
static void cmdline_parse(void)
{
	char *w = words;

	memcpy(cmdline, ipl_cmdline, CMDLINE_MAX - 1);
	cmdline[CMDLINE_MAX - 1] = 0;
	memcpy(words, cmdline, CMDLINE_MAX);
	while (*w) {
		char *end = strchr(w, ' ');

		if (end)
			*end = 0;
		if (!strncmp(w, "run=", 4))
			run_list = w + 4;
		else if (!strncmp(w, "iters=", 6))
			opts.iters = parse_u32(w + 6);
		else if (!strncmp(w, "warmup=", 7))
			opts.warmup = parse_u32(w + 7);
		else if (!strncmp(w, "break=", 6))
			opts.break_name = w + 6;
		if (!end)
			break;
		w = end + 1;
	}
	if (opts.break_name)
		opts.break_len = strlen(opts.break_name);
	if (!opts.iters || opts.iters > MAX_ITERS)
		opts.iters = DEFAULT_ITERS;
	if (opts.warmup > MAX_ITERS)
		opts.warmup = DEFAULT_WARMUP;
}

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
	if (cmdline[0])
		record_str(&r, "cmdline", cmdline);
	record_emit(&r);
	console_printf("INFO: nestlab s390x: %s %s, CPU address %u\n", manufacturer, brand, stap());
}

static const struct scenario *find(const char *name, size_t len)
{
	for (u32 i = 0; i < scenario_count; i++)
		if (strlen(scenario_registry[i]->name) == len && !strncmp(scenario_registry[i]->name, name, len))
			return scenario_registry[i];
	return NULL;
}

static void unknown_scenario(const char *name, size_t len)
{
	char buf[64];
	struct record r;

	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, name, len);
	buf[len] = 0;
	report_fail("unknown scenario %s", buf);
	record_begin(&r, "result");
	record_str(&r, "name", buf);
	record_str(&r, "verdict", "ERROR");
	record_str(&r, "why", "unknown scenario");
	record_emit(&r);
	totals[V_ERROR]++;
}

static void run_selected(void)
{
	u32 n = 0, i = 0;
	const char *p, *end;

	if (!run_list) {
		for (u32 k = 0; k < scenario_count; k++)
			n += strncmp(scenario_registry[k]->name, "debug/", 6) != 0;
		for (u32 k = 0; k < scenario_count; k++)
			if (strncmp(scenario_registry[k]->name, "debug/", 6))
				totals[scenario_run(scenario_registry[k], ++i, n, &opts)]++;
		return;
	}
	for (p = run_list; *p; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		end = end ? end : p + strlen(p);
		n++;
	}
	for (p = run_list; *p; p = *end ? end + 1 : end) {
		const struct scenario *s;

		end = strchr(p, ',');
		end = end ? end : p + strlen(p);
		s = find(p, end - p);
		i++;
		if (s)
			totals[scenario_run(s, i, n, &opts)]++;
		else
			unknown_scenario(p, end - p);
	}
}

static void end_record(void)
{
	record_end_of_run(totals[V_PASS], totals[V_FAIL], totals[V_SKIP], totals[V_ERROR]);
}

void s390x_main(void);

void s390x_main(void)
{
	interrupt_install(0);
	if (sclp_init())
		s390x_crash("sclp", 0, 0, 0, 0);	/* no console: QEMU's exit says it */
	report_set_output(console_puts);
	cmdline_parse();
	begin_record();
	report_prefix_push("s390x");
	run_selected();
	end_record();
	report_summary();
	s390x_halt();
}
