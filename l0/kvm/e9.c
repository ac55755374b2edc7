// SPDX-License-Identifier: GPL-2.0-only
/*
 * nestlab e9 FILE...: copies files to I/O port 0xe9, which Bochs (port_e9_hack) and QEMU
 * (-debugcon) print on the host. Used inside the lab: a channel that is fast and, unlike
 * the emulated UART, does not lose the last bytes before power-off.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <sys/io.h>
#endif

#include "l0/kvm/e9.h"
#include "l0/sys/exit_status.h"

#define PORT_E9 0xe9

int e9_copy(int n, char **files)
{
#if defined(__x86_64__) || defined(__i386__)
	if (ioperm(PORT_E9, 1, 1)) {
		fprintf(stderr, "nestlab: e9: ioperm: %s (run as root, on x86)\n", strerror(errno));
		return EXIT_USAGE;
	}
	for (int i = 0; i < n; i++) {
		FILE *f = fopen(files[i], "rb");
		int c;

		if (!f) {
			fprintf(stderr, "nestlab: e9: %s: %s\n", files[i], strerror(errno));
			return EXIT_USAGE;
		}
		while ((c = getc(f)) != EOF)
			outb((unsigned char)c, PORT_E9);
		fclose(f);
	}
	return 0;
#else
	(void)n;
	(void)files;
	fprintf(stderr, "nestlab: e9: port 0xe9 exists only on x86\n");
	return EXIT_USAGE;
#endif
}
