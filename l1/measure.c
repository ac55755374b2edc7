// SPDX-License-Identifier: GPL-2.0-only
#include "l1/measure.h"
#include "l1/console.h"
#include "x86/io.h"
#include "x86/ports.h"
#include "x86/processor.h"
#include "lib/scenario_records.h"
#include "lib/printf.h"
#include "lib/string.h"

static bool edge_pause;

void measure_edge_pause(bool on)
{
	edge_pause = on;
}

void measure_window_edge(bool open)
{
	if (open && edge_pause)
		outb(PVPANIC_PORT, PVPANIC_PANICKED);
	outl(NESTLAB_CTL_PORT, open ? NESTLAB_CTL_OPEN : NESTLAB_CTL_CLOSE);
	if (!open && edge_pause)
		outb(PVPANIC_PORT, PVPANIC_PANICKED);
}

void measure_l1(struct l2_ctx *c, void (*op)(u32 i))
{
	u32 i;

	c->tsc_overhead = rdtsc_overhead();
	for (i = 0; i < c->warmup; i++)
		op(i);
	measure_window_edge(true);	/* an L0 that counts exits reads them now */
	for (i = 0; i < c->iters; i++) {
		u64 t0 = rdtsc_serialized();

		op(c->warmup + i);
		c->samples[i] = rdtsc_serialized() - t0;
	}
	measure_window_edge(false);
}

void measure_net(u64 *samples, u32 n, u64 overhead)
{
	for (u32 i = 0; i < n; i++)
		samples[i] = samples[i] > overhead ? samples[i] - overhead : 0;
}

void measure_samples_records(const char *name, const u64 *samples, u32 n)
{
	char list[RECORD_VALUE_MAX + 1], num[24];
	struct record r;
	size_t len;
	u32 first = 0, i = 0;

	while (i < n) {
		len = 0;
		for (first = i; i < n; i++) {
			size_t k = (size_t)nl_snprintf(num, sizeof(num), "%s%llu", i > first ? "," : "",
							(unsigned long long)samples[i]);

			if (len + k > RECORD_VALUE_MAX)
				break;
			memcpy(list + len, num, k);
			len += k;
		}
		list[len] = 0;
		record_begin(&r, "samples");
		record_str(&r, "name", name);
		record_u64(&r, "first", first);
		record_u64(&r, "count", i - first);
		record_u64(&r, "of", n);
		record_str(&r, "v", list);
		record_emit(&r);
	}
}
