/* SPDX-License-Identifier: GPL-2.0-only */
/* CRC-32 as in IEEE 802.3 (reflected polynomial 0xedb88320, init and final xor ~0). */
#ifndef LIB_CRC32_H
#define LIB_CRC32_H

#include "lib/types.h"

u32 crc32(const void *data, size_t len);

#endif
