// SPDX-License-Identifier: GPL-2.0-only
/* Host test of the SVM exit-code table: the counts it gives, slots both ways, names. */
#include <string.h>
#include "lib/test.h"
#include "x86/svm_exit_codes.h"

static const u64 codes[] = {
#define X(name, code) (code),
	SVM_EXIT_CODES(X)
#undef X
};

int main(void)
{
	CHECK(SVM_EXIT_CODE_COUNT == SVM_EXIT_VMGEXIT + 1, "codes end after VMGEXIT: %#x", SVM_EXIT_CODE_COUNT);
	CHECK(SVM_SLOT_HIGH == 0xb0, "NPF's slot is 0xb0: %#x", SVM_SLOT_HIGH);
	CHECK(SVM_SLOT_COUNT == 0xb4, "four slots from NPF: %#x", SVM_SLOT_COUNT);
	for (size_t i = 0; i < ARRAY_SIZE(codes); i++) {
		int slot = svm_exit_slot(codes[i]);

		CHECK(slot >= 0 && slot < SVM_SLOT_COUNT && svm_slot_code((u32)slot) == codes[i],
			   "code %#llx has slot %d", (unsigned long long)codes[i], slot);
		for (size_t j = i + 1; j < ARRAY_SIZE(codes); j++)
			CHECK(strcmp(svm_exit_name(codes[i]), svm_exit_name(codes[j])),
				   "codes %#llx and %#llx share a name", (unsigned long long)codes[i],
				   (unsigned long long)codes[j]);
	}
	CHECK(svm_exit_slot(SVM_EXIT_CODE_COUNT) == -1, "no slot past the table");
	CHECK(!strcmp(svm_exit_name(0xa5), "<unknown>"), "0xa5 is not named");
	return test_done();
}
