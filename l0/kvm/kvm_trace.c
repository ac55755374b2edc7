// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "l0/kvm/kvm_trace.h"

static const char *const event_path[TRACE_EVENTS] = {
	[TRACE_KVM_EXIT] = "events/kvm/kvm_exit",
	[TRACE_NESTED_VMEXIT] = "events/kvm/kvm_nested_vmexit",
};

/* kvm_exit calls its reason "exit_reason", kvm_nested_vmexit "exit_code": read the format. */
static int find_key(const char *dir, const char *event, char *key, size_t size)
{
	static const char *const keys[] = { "exit_reason", "exit_code" };
	char path[256], line[256];
	FILE *f;
	int found = -ENOENT;

	snprintf(path, sizeof(path), "%s/%s/format", dir, event);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (found && fgets(line, sizeof(line), f))
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			char want[48];

			snprintf(want, sizeof(want), " %s;", keys[i]);
			if (strstr(line, "field:") && strstr(line, want)) {
				snprintf(key, size, "%s", keys[i]);
				found = 0;
			}
		}
	fclose(f);
	return found;
}

/* The same text adds the trigger and, after a "!", removes it. */
static int trigger(const struct kvm_trace *t, enum trace_event e, bool on)
{
	char path[320], text[96];

	snprintf(path, sizeof(path), "%s/%s/trigger", t->inst.dir, event_path[e]);
	snprintf(text, sizeof(text), "%shist:keys=%s:size=2048 if common_pid == %d", on ? "" : "!",
		 t->key[e], t->tid);
	return trace_write_file(path, text);
}

int kvm_trace_start(struct kvm_trace *t, const char *instance, int tid)
{
	int e;

	memset(t, 0, sizeof(*t));
	t->tid = tid;
	e = trace_instance_create(&t->inst, instance);
	if (e)
		return e;
	t->isa = exit_isa_host();
	for (int ev = 0; ev < TRACE_EVENTS; ev++)
		if (!find_key(t->inst.dir, event_path[ev], t->key[ev], sizeof(t->key[ev])))
			t->on[ev] = !trigger(t, ev, true);
	if (t->on[TRACE_KVM_EXIT])
		return 0;
	kvm_trace_stop(t);
	return -ENOTSUP;
}

int kvm_trace_read(const struct kvm_trace *t, enum trace_event e, uint64_t counts[TRACE_REASONS])
{
	char path[320], line[512], pat[48];
	FILE *f;

	memset(counts, 0, sizeof(uint64_t) * TRACE_REASONS);
	if (!t->on[e])
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/%s/hist", t->inst.dir, event_path[e]);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	/* "{ exit_reason:         30 } hitcount:          5" */
	snprintf(pat, sizeof(pat), "{ %s: %%llu } hitcount: %%llu", t->key[e]);
	while (fgets(line, sizeof(line), f)) {
		unsigned long long reason, hits;

		int slot;

		if (sscanf(line, pat, &reason, &hits) == 2 && (slot = exit_slot(t->isa, reason)) >= 0)
			counts[slot] += hits;
	}
	fclose(f);
	return 0;
}

void kvm_trace_stop(struct kvm_trace *t)
{
	for (int ev = 0; ev < TRACE_EVENTS; ev++)
		if (t->on[ev])
			trigger(t, ev, false);
	memset(t->on, 0, sizeof(t->on));
	trace_instance_remove(&t->inst);
}

/* One "{ 0x040 + 13, "GP excp" }" of a __print_symbolic() list; p after the brace. */
static const char *parse_symbol(const char *p, struct kvm_exit_names *names)
{
	char *end;
	long long code = strtoll(p, &end, 0);
	const char *name, *close;

	while (*end == ' ')
		end++;
	if (*end == '+')
		code += strtoll(end + 1, &end, 0);
	while (*end == ' ')
		end++;
	if (*end != ',' || !(name = strchr(end, '"')) || !(close = strchr(name + 1, '"')))
		return NULL;
	name++;
	if (names->n < TRACE_NAMES_MAX && (size_t)(close - name) < sizeof(names->e[0].name)) {
		names->e[names->n].code = (uint32_t)code;
		snprintf(names->e[names->n].name, sizeof(names->e[0].name), "%.*s", (int)(close - name), name);
		names->n++;
	}
	return close + 1;
}

/*
 * kvm_print_exit_reason() prints VMX reasons with __print_symbolic(REC->exit_reason & 0xffff,
 * ...) and SVM codes with __print_symbolic(REC->exit_reason, ...): the format shows both lists.
 */
int kvm_trace_svm_names(const char *dir, struct kvm_exit_names *names)
{
	static const char list[] = "__print_symbolic(REC->exit_reason,";
	char path[256];
	char *text = NULL;
	const char *p;
	size_t len = 0;
	FILE *f;

	names->n = 0;
	snprintf(path, sizeof(path), "%s/%s/format", dir, event_path[TRACE_KVM_EXIT]);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	if (getdelim(&text, &len, 0, f) < 0) {
		fclose(f);
		free(text);
		return -EIO;
	}
	fclose(f);
	p = strstr(text, list);
	if (p)
		p += strlen(list);
	/* Entries until the list's closing parenthesis. */
	while (p) {
		p += strspn(p, " ");
		if (*p != '{')
			break;
		p = parse_symbol(p + 1, names);
		if (p && (p = strchr(p, '}')))
			p += 1 + (p[1] == ',');
	}
	free(text);
	return names->n ? 0 : -ENOENT;
}

int64_t kvm_trace_name_code(const struct kvm_exit_names *names, const char *name, size_t len)
{
	for (size_t i = 0; i < names->n; i++)
		if (strlen(names->e[i].name) == len && !memcmp(names->e[i].name, name, len))
			return names->e[i].code;
	return -1;
}
