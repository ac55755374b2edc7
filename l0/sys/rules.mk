# SPDX-License-Identifier: GPL-2.0-only
# l0/sys/: what the runner needs of the system: files, processes, small utilities.
NESTLAB_SRCS += l0/sys/file.c
NESTLAB_SRCS += l0/sys/proc.c
NESTLAB_SRCS += l0/sys/util.c
NESTLAB_SRCS += l0/sys/json.c
NESTLAB_SRCS += l0/sys/diag.c
