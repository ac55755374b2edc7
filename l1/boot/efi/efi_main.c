// SPDX-License-Identifier: GPL-2.0-only
/*
 * UEFI entry of L1 (gnu-efi's crt0 relocates the image and calls efi_main): take the
 * command line from the image's load options, leave the firmware with ExitBootServices,
 * and hand over to the same l1_start() the multiboot path reaches. The only file that
 * sees firmware types; UEFI spec "EFI_BOOT_SERVICES.ExitBootServices()",
 * "EFI_LOADED_IMAGE_PROTOCOL".
 */
#include <efi.h>

#include "l1/boot/efi/handover.h"
#include "lib/guest_cmdline.h"

#define MAP_BYTES	(64 * 1024)	/* a few hundred descriptors; OVMF has about 100 */
#define EBS_TRIES	8
#define FOUR_GIB	0x100000000ULL

static char cmdline[GUEST_CMDLINE_MAX];
static UINT64 memory_map[MAP_BYTES / sizeof(UINT64)];

static EFI_STATUS fail(EFI_SYSTEM_TABLE *st, CHAR16 *msg, EFI_STATUS s)
{
	st->ConOut->OutputString(st->ConOut, L"nestlab L1: ");
	st->ConOut->OutputString(st->ConOut, msg);
	st->ConOut->OutputString(st->ConOut, L"\r\n");
	return s;
}

/*
 * Load options are UCS-2 (the shell and OVMF's -kernel loader pass the command line as
 * CHAR16s; LoadOptionsSize counts bytes). A first word without '=' is the program path
 * the UEFI shell puts in front (argv[0]): not ours. Non-ASCII characters become '?'.
 */
static void cmdline_from_load_options(const EFI_LOADED_IMAGE *li)
{
	const CHAR16 *u = li->LoadOptions;
	UINTN n = li->LoadOptions ? li->LoadOptionsSize / sizeof(CHAR16) : 0, i = 0, o = 0, first_end;

	while (i < n && u[i] == L' ')
		i++;
	for (first_end = i; first_end < n && u[first_end] && u[first_end] != L' '; first_end++)
		;
	for (UINTN k = i; k < first_end; k++)
		if (u[k] == L'=')
			goto copy;
	i = first_end;
copy:
	while (i < n && u[i] == L' ')
		i++;
	for (; i < n && u[i] && o + 1 < sizeof(cmdline); i++)
		cmdline[o++] = u[i] < 0x20 ? ' ' : u[i] < 0x7f ? (char)u[i] : '?';
	while (o && cmdline[o - 1] == ' ')
		o--;
	cmdline[o] = 0;
}

/* L1 identity-maps the low 4 GiB only (l1/boot/efi/handover.c): the image must lie there. */
static BOOLEAN image_below_4g(const EFI_LOADED_IMAGE *li)
{
	return (UINT64)li->ImageBase + li->ImageSize <= FOUR_GIB;
}

/*
 * The map key changes whenever the firmware allocates (timer events may, between our two
 * calls), and ExitBootServices then fails with EFI_INVALID_PARAMETER: get the map again and
 * retry. After a failed attempt only GetMemoryMap and ExitBootServices may be called, so the
 * buffer is static, never allocated.
 */
static EFI_STATUS exit_boot_services(EFI_HANDLE image, EFI_SYSTEM_TABLE *st)
{
	EFI_STATUS s = EFI_INVALID_PARAMETER;

	for (int t = 0; t < EBS_TRIES && s == EFI_INVALID_PARAMETER; t++) {
		UINTN size = sizeof(memory_map), key, desc_size;
		UINT32 desc_version;

		s = st->BootServices->GetMemoryMap(&size, (EFI_MEMORY_DESCRIPTOR *)memory_map, &key,
						   &desc_size, &desc_version);
		if (EFI_ERROR(s))
			return s;
		s = st->BootServices->ExitBootServices(image, key);
	}
	return s;
}

/* gnu-efi's crt0 calls it with the SysV convention (rdi, rsi), not EFIAPI. */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st);

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st)
{
	EFI_GUID loaded_image_guid = LOADED_IMAGE_PROTOCOL;
	EFI_LOADED_IMAGE *li;
	EFI_STATUS s;

	s = st->BootServices->HandleProtocol(image, &loaded_image_guid, (void **)&li);
	if (EFI_ERROR(s))
		return fail(st, L"no EFI_LOADED_IMAGE_PROTOCOL on the image handle", s);
	if (!image_below_4g(li))
		return fail(st, L"loaded above 4 GiB: give the VM less memory or fix l1/boot/efi/handover.c",
			    EFI_UNSUPPORTED);
	cmdline_from_load_options(li);
	s = exit_boot_services(image, st);
	if (EFI_ERROR(s))	/* the firmware's console may be gone: the UART is not */
		efi_fatal("ExitBootServices failed: report the OVMF version", s);
	efi_handover(cmdline);
}
