// SPDX-License-Identifier: GPL-2.0-only
#include "lib/coverage.h"

#ifdef NESTLAB_COVERAGE
#include <gcov.h>

#include "lib/crc32.h"
#include "lib/record.h"
#include "lib/scenario_records.h"

extern const struct gcov_info *const __start_gcov_info[];
extern const struct gcov_info *const __stop_gcov_info[];

/* libgcov's merge functions read an old .gcda through stdio; a guest never merges, and
 * defining the one the objects name keeps libgcov's file I/O out of the image. */
void __gcov_merge_add(void *counters, unsigned n);
void __gcov_merge_add(void *counters, unsigned n)
{
	(void)counters;
	(void)n;
}

/* libgcov's hosted paths name these: mmap for value-profile counters (never asked for
 * here: its NULL answer is handled), abort on an internal error. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return (void *)-1L;
}

__attribute__((noreturn)) void abort(void);
__attribute__((noreturn)) void abort(void)
{
	for (;;)
		;
}

static const char hexdig[] = "0123456789abcdef";

/* The file being sent. */
static struct {
	u32 n;
	u32 off;		/* bytes sent before piece */
	u32 len;		/* bytes so far, piece included */
	u32 crc;
	char piece[COVERAGE_PIECE_MAX + 4];
	u32 plen;		/* encoded characters in piece */
	u32 zrun;		/* the length of the run piece ends with: 0, or its count */
} f;

static void piece_flush(void)
{
	struct record r;

	if (!f.plen)
		return;
	f.piece[f.plen] = 0;
	record_begin(&r, "covdata");
	record_u64(&r, "n", f.n);
	record_u64(&r, "off", f.off);
	record_str(&r, "d", f.piece);
	record_emit(&r);
	f.off = f.len;
	f.plen = 0;
	f.zrun = 0;
}

static void put_hex(char *at, u32 v)
{
	at[0] = hexdig[(v >> 4) & 0xf];
	at[1] = hexdig[v & 0xf];
}

static void put_byte(u8 b)
{
	if (b == 0 && f.zrun && f.zrun < 255) {
		put_hex(&f.piece[f.plen - 2], ++f.zrun);
	} else if (b == 0) {
		if (f.plen + 3 > COVERAGE_PIECE_MAX)
			piece_flush();
		f.piece[f.plen] = 'z';
		put_hex(&f.piece[f.plen + 1], 1);
		f.plen += 3;
		f.zrun = 1;
	} else {
		if (f.plen + 2 > COVERAGE_PIECE_MAX)
			piece_flush();
		put_hex(&f.piece[f.plen], b);
		f.plen += 2;
		f.zrun = 0;
	}
	f.len++;
}

static void on_filename(const char *name, void *arg)
{
	struct record r;

	(void)arg;
	record_begin(&r, "covfile");
	record_u64(&r, "n", f.n);
	record_str(&r, "path", name ? name : "unnamed.gcda");
	record_emit(&r);
}

static void on_data(const void *data, unsigned n, void *arg)
{
	const u8 *p = data;

	(void)arg;
	f.crc = crc32_update(f.crc, data, n);
	for (unsigned i = 0; i < n; i++)
		put_byte(p[i]);
}

/* __gcov_info_to_gcda() asks for memory for value-profile counters only (not used here);
 * a small arena serves it, and NULL beyond it. */
static void *on_allocate(unsigned n, void *arg)
{
	static u64 arena[512];
	static u32 used;
	u32 words = (n + 7) / 8;

	(void)arg;
	if (words > sizeof(arena) / 8 - used)
		return NULL;
	used += words;
	return &arena[used - words];
}

u32 coverage_dump(void)
{
	struct record r;
	u32 files = 0;

	for (const struct gcov_info *const *gi = __start_gcov_info; gi < __stop_gcov_info; gi++) {
		if (!*gi)
			continue;
		f.n = files++;
		f.off = f.len = f.crc = f.plen = f.zrun = 0;
		__gcov_info_to_gcda(*gi, on_filename, on_data, on_allocate, NULL);
		piece_flush();
		record_begin(&r, "covend");
		record_u64(&r, "n", f.n);
		record_u64(&r, "len", f.len);
		record_hex(&r, "crc", f.crc);
		record_emit(&r);
	}
	return files;
}

#else

u32 coverage_dump(void)
{
	return 0;
}

#endif
