/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * main() of a fuzz target built as a plain host test (no libFuzzer): every file of its seed
 * corpus (l0/test/corpus/<name>/), then a fixed number of deterministic mutations of them
 * (bytes flipped, inserted, cut; two seeds spliced), each through LLVMFuzzerTestOneInput(),
 * which abort()s on a finding. Prints "N passed, N failed" (lib/test.h).
 */
#ifndef L0_TEST_FUZZ_MAIN_H
#define L0_TEST_FUZZ_MAIN_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Runs corpus_dir's files and mutations of them; returns main's status. */
int fuzz_main(const char *corpus_dir, unsigned mutations);

#endif
