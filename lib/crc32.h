/* SPDX-License-Identifier: GPL-2.0-only */
/* CRC-32 as in IEEE 802.3 (reflected polynomial 0xedb88320, init and final xor ~0). */
#ifndef LIB_CRC32_H
#define LIB_CRC32_H

#include "lib/types.h"

u32 crc32(const void *data, size_t len);
/* The CRC of a stream in pieces: crc = crc32_update(crc, piece, n), from crc 0. */
u32 crc32_update(u32 crc, const void *data, size_t len);

#endif
