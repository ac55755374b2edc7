#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The runner end to end against l0/test/fake-bochs: options, exit codes (0/1/2/130),
# verdicts, timeouts and kills, retries, results files. Needs grub-mkrescue and
# xorriso (the runner builds real ISOs). Prints "N passed, N failed".
# usage: l0/test/check-runner.sh build/l0/nestlab
set -u
nestlab=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d /tmp/nestlab-check-runner-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

for tool in grub-mkrescue xorriso; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "SKIP: check-runner: $tool not found: apt-get install grub-pc-bin grub-common xorriso"
		echo "0 passed, 0 failed"
		exit 0
	fi
done

ok() {	# ok CONDITION-DESCRIPTION, from the status of the previous command
	if [ $? -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $*"
		[ -f "$tmp/out" ] && sed 's/^/    stdout: /' "$tmp/out" | head -20
		[ -f "$tmp/err" ] && sed 's/^/    stderr: /' "$tmp/err" | head -10
	fi
}

# An image with a Multiboot header (magic, flags 0, checksum) and nothing else.
image=$tmp/l1.elf
printf '\002\260\255\033\000\000\000\000\376\117\122\344' > "$image"
head -c 4096 /dev/zero >> "$image"

has() { grep -q -e "$1" "$tmp/out"; }
err_has() { grep -q -e "$1" "$tmp/err"; }
one_err_line() { [ "$(wc -l < "$tmp/err")" -eq 1 ]; }
latest() { readlink -f "$tmp/results/latest"; }
# newest: the run directory made since $tmp/mark was touched (before the run started)
newest() { find "$tmp/results" -maxdepth 1 -name '2*' -newer "$tmp/mark" | head -n 1; }
# wait_inside NAME: until the running job's fake emulator has started scenario NAME (10 s at most)
wait_inside() {
	i=0
	while [ $i -lt 100 ] && ! grep -qs "scenario name=$1 " "$(newest)/job-0/serial.log"; do
		sleep 0.1; i=$((i + 1))
	done
	sleep 0.2	# and the runner has read it
}

# xrun [ENV=VALUE...]: nestlab run $args with the fake Bochs; status in $rc,
# output in $tmp/out and $tmp/err
xrun() {
	env NESTLAB_BOCHS="$here/fake-bochs" "$@" "$nestlab" run --image "$image" --results "$tmp/results" \
		--timeout 20 $args 2>"$tmp/err" >"$tmp/out"
	rc=$?
}

## list
"$nestlab" list > "$tmp/out" 2>"$tmp/err"; rc=$?
want=$(grep '^SCENARIO' "$root/l1/scenarios.def" | grep -v '"debug/' | grep -vc '"unsafe/')
[ $rc -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq "$want" ]; ok "list: $want default scenarios, exit 0"
"$nestlab" list --all > "$tmp/out"; [ "$(wc -l < "$tmp/out")" -eq "$(grep -c '^SCENARIO' "$root/l1/scenarios.def")" ]
ok "list --all: every scenario"
"$nestlab" list 'debug/*' > "$tmp/out"; has '^debug/crash '; ok "list debug/*: a debug/ glob selects debug/"
"$nestlab" list 'cpuid/*' > "$tmp/out"; [ "$(wc -l < "$tmp/out")" -eq 1 ] && has '^cpuid/exit '; ok "list cpuid/*"

"$nestlab" list --backend nosuch > "$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && [ ! -s "$tmp/out" ]; ok "list --backend nosuch: exit 2, one line (rc $rc)"

## bisect: usage errors before any lab is built: exit 2, one line
"$nestlab" bisect --backend bochs k1 k2 -- cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "lab back end"; ok "bisect --backend bochs: exit 2, one line (rc $rc)"
"$nestlab" bisect k1 k2 cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "after --"; ok "bisect without --: exit 2, one line (rc $rc)"
"$nestlab" bisect k1 -- cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "2 to 64 kernels"; ok "bisect with one kernel: exit 2, one line (rc $rc)"
"$nestlab" bisect --threshold x k1 k2 -- cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "percentage"; ok "bisect --threshold x: exit 2, one line (rc $rc)"

## usage and environment errors: exit 2, one line on stderr
for bad in "--bogus" "--backend kvm9" "-j 0" "--iters 0" "--iters 2000" "--timeout x" "--model pentium" \
	   "no/such-scenario" "--break hlt/exit cpuid/exit" "--timeout" "--shard 1024/1024" "--results="; do
	args="$bad"; xrun
	[ $rc -eq 2 ] && one_err_line; ok "usage error '$bad': exit 2, one line (rc $rc)"
done
args="cpuid/exit"
env NESTLAB_BOCHS=/nonexistent/bochs "$nestlab" run --backend bochs cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "NESTLAB_BOCHS"; ok "NESTLAB_BOCHS missing: exit 2"
env -u NESTLAB_BOCHS PATH=/nonexistent "$nestlab" run cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "bochs not found: apt-get install bochs"; ok "bochs missing: exit 2, one line"
env NESTLAB_BOCHS="$here/fake-bochs" "$nestlab" run --image "$tmp/none.elf" cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "not found: run make"; ok "image missing (backend auto): exit 2, one line"
head -c 100 /dev/zero > "$tmp/zero.elf"
env NESTLAB_BOCHS="$here/fake-bochs" "$nestlab" run --backend bochs --image "$tmp/zero.elf" cpuid/exit >"$tmp/out" 2>"$tmp/err"
rc=$?; [ $rc -eq 2 ] && one_err_line && err_has "no Multiboot header"; ok "image without Multiboot header: exit 2"
## --kvm-modules: lab back ends only; modules built for another kernel refused before a boot
mkdir -p "$tmp/kmods" "$tmp/lab"
for m in kvm kvm-intel; do	# a module as the compiler makes it: .modinfo strings in an ELF object
	printf 'const char m[] __attribute__((section(".modinfo"))) = "license=GPL\\0vermagic=6.1.0-99-fake SMP ";\n' |
		${CC:-cc} -c -x c -o "$tmp/kmods/$m.ko" -
done
echo 6.1.0-57-cloud-amd64 > "$tmp/lab/kernel-version"; : > "$tmp/lab/vmlinuz"; : > "$tmp/lab/initrd.gz"
"$nestlab" --version | sed -n 's/.* build //p' > "$tmp/lab/build-id"	# the lab is this build's
env NESTLAB_BOCHS="$here/fake-bochs" "$nestlab" run --backend bochs --kvm-modules "$tmp/kmods" --image "$image" \
	cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "needs a lab back end"; ok "--kvm-modules on bochs: exit 2, one line"
env NESTLAB_BOCHS="$here/fake-bochs" NESTLAB_LAB="$tmp/lab" "$nestlab" run --backend lab-vmx --image "$image" \
	--kvm-modules "$tmp/nosuch" cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "no such directory"; ok "--kvm-modules missing directory: exit 2, one line"
env NESTLAB_BOCHS="$here/fake-bochs" NESTLAB_LAB="$tmp/lab" "$nestlab" run --backend lab-vmx --image "$image" \
	--kvm-modules "$tmp/kmods" cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "kvm.ko is built for Linux 6.1.0-99-fake, the lab's kernel is 6.1.0-57-cloud-amd64: rebuild" &&
	[ ! -e "$tmp/results" ]; ok "--kvm-modules vermagic mismatch: exit 2, one line naming both versions (rc $rc)"
## a lab older than the build is named stale, in one line, before any boot
echo 0123456789abcdef > "$tmp/lab/build-id.old"
mv "$tmp/lab/build-id" "$tmp/lab/build-id.new"; mv "$tmp/lab/build-id.old" "$tmp/lab/build-id"
env NESTLAB_BOCHS="$here/fake-bochs" NESTLAB_LAB="$tmp/lab" "$nestlab" run --backend lab-vmx --image "$image" \
	cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "is stale: its nestlab is build 0123456789abcdef, this one is build" &&
	err_has "run make lab"; ok "stale lab (another build id): exit 2, one line"
mv "$tmp/lab/build-id.new" "$tmp/lab/build-id"
## --lab-kernel: lab back ends only; a configuration without KVM is exit 125 (git bisect run: skip), one line
mkdir -p "$tmp/kernel/arch/x86/boot"
bz=$tmp/kernel/arch/x86/boot/bzImage	# the x86 boot protocol's header: "HdrS", the version string's offset
head -c 4096 /dev/zero > "$bz"
printf 'HdrS' | dd of="$bz" bs=1 seek=514 conv=notrunc 2>/dev/null
printf '\000\002' | dd of="$bz" bs=1 seek=526 conv=notrunc 2>/dev/null
printf '6.1.0-57-cloud-amd64 (fake) #1\000' | dd of="$bz" bs=1 seek=1024 conv=notrunc 2>/dev/null
printf 'CONFIG_KVM=m\n# CONFIG_KVM_INTEL is not set\n' > "$tmp/kernel/.config"
env NESTLAB_BOCHS="$here/fake-bochs" "$nestlab" run --backend bochs --lab-kernel "$tmp/kernel" --image "$image" \
	cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "needs a lab back end"; ok "--lab-kernel on bochs: exit 2, one line"
env NESTLAB_BOCHS="$here/fake-bochs" NESTLAB_LAB="$tmp/lab" "$nestlab" run --backend lab-vmx --image "$image" \
	--lab-kernel "$tmp/kernel" cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 125 ] && one_err_line && err_has "has no KVM for the VMX lab (CONFIG_KVM=m, CONFIG_KVM_INTEL=n"
ok "--lab-kernel without KVM_INTEL: exit 125, one line (rc $rc)"
printf 'CONFIG_KVM=m\nCONFIG_KVM_INTEL=m\n' > "$tmp/kernel/.config"
mkdir -p "$tmp/kernel/arch/x86/kvm"; cp "$tmp/kmods/kvm.ko" "$tmp/kmods/kvm-intel.ko" "$tmp/kernel/arch/x86/kvm/"
env NESTLAB_BOCHS="$here/fake-bochs" NESTLAB_LAB="$tmp/lab" "$nestlab" run --backend lab-vmx --image "$image" \
	--lab-kernel "$tmp/kernel" cpuid/exit >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && one_err_line && err_has "lab-kernel: .*/kvm.ko is built for Linux 6.1.0-99-fake, the lab's kernel is 6.1.0-57-cloud-amd64"
ok "--lab-kernel whose modules are another build's: exit 2, one line"
[ ! -e "$tmp/results" ]; ok "no results directory after environment errors found before the run"

## a job that cannot start (grub-mkrescue fails): exit 125 (git bisect run: cannot test), one line,
## results still written
mkdir -p "$tmp/badbin"
printf '#!/bin/sh\necho "grub-mkrescue: error: simulated" >&2\nexit 1\n' > "$tmp/badbin/grub-mkrescue"
chmod +x "$tmp/badbin/grub-mkrescue"
args="--backend bochs cpuid/exit"; xrun PATH="$tmp/badbin:$PATH"
[ $rc -eq 125 ] && one_err_line && err_has "grub-mkrescue failed" && has '^ERROR: cpuid/exit: not run: grub-mkrescue failed'
ok "job cannot start: exit 125 (cannot test), one line (rc $rc)"
[ -f "$(latest)/results.json" ]; ok "job cannot start: results.json written"

## all PASS: exit 0, lines, files
args="--backend bochs --model skylake --iters 16 --break vmcall/exit cpuid/exit vmcall/exit"; xrun
[ $rc -eq 0 ]; ok "all PASS: exit 0 (rc $rc)"
has '^PASS: cpuid/exit (64 iterations, l1 exits CPUID=64, median 812 cycles)$'; ok "progress line"
has '^SUMMARY: 2 scenarios, 2 passed, 0 failed, 0 skipped, 0 errors$'; ok "SUMMARY line"
has "^results: $tmp/results/.*-bochs-[0-9a-f]*/results.json$"; ok "results path"
! grep -q "$(printf '\033')" "$tmp/out"; ok "no colour off a tty"
d=$(latest)
[ -f "$d/results.json" ] && [ -f "$d/summary.txt" ] && [ -f "$d/job-0/serial.log" ]; ok "results files"
grep -q '"schema_version": 1' "$d/results.json" && grep -q '"CPUID": 64' "$d/results.json" &&
	grep -q '"ept": true' "$d/results.json" && grep -q '"l0": "bochs 2.7"' "$d/results.json"
ok "results.json content"
grep -q "multiboot /boot/l1.elf run=cpuid/exit,vmcall/exit iters=16 break=vmcall/exit$" "$d/job-0/iso/boot/grub/grub.cfg"
ok "grub.cfg command line"
grep -q '^cpu: model=corei7_skylake_x, .*reset_on_triple_fault=0, ignore_bad_msrs=0$' "$d/job-0/bochsrc" &&
	grep -q '^com1: enabled=1, mode=file, dev=serial.log$' "$d/job-0/bochsrc" &&
	grep -q '^display_library: rfb, options="timeout=0"$' "$d/job-0/bochsrc" &&
	grep -q '^sound: waveoutdrv=dummy' "$d/job-0/bochsrc" && grep -q '^megs: 512$' "$d/job-0/bochsrc"
ok "bochsrc settings"
grep -qx -- "-q -f bochsrc -rc rcfile" "$d/job-0/fake.args" && [ "$(cat "$d/job-0/rcfile")" = "$(printf 'c\nquit')" ]
ok "bochs arguments and rc file"

[ "$(cat "$d/job-0/fake.netns")" != "$(readlink /proc/self/ns/net)" ]; ok "Bochs in a network namespace of its own"
# As an ordinary user too: an unprivileged user namespace owns its network namespace.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	u=$tmp/user; mkdir -p "$u"; cp "$image" "$u/l1.elf"; chmod 755 "$tmp"; chown -R 65534 "$u"
	setpriv --reuid=65534 --regid=65534 --clear-groups env NESTLAB_BOCHS="$here/fake-bochs" HOME="$u" \
		"$nestlab" run --backend bochs --image "$u/l1.elf" --results "$u/results" cpuid/exit >"$tmp/out" 2>"$tmp/err"
	rc=$?; ud=$(ls -td "$u/results"/*/ | head -n 1)
	[ $rc -eq 0 ] && [ -s "$ud/job-0/fake.netns" ] && [ "$(cat "$ud/job-0/fake.netns")" != "$(readlink /proc/self/ns/net)" ] &&
		! err_has "5900"; ok "Bochs in a network namespace of its own, as an ordinary user (rc $rc)"
fi

## NESTLAB_BOCHS relative to the current directory
(cd "$here" && env NESTLAB_BOCHS=./fake-bochs "$nestlab" run --image "$image" --results "$tmp/results" cpuid/exit \
	>"$tmp/out" 2>"$tmp/err"); rc=$?
[ $rc -eq 0 ] && has '^PASS: cpuid/exit'; ok "relative NESTLAB_BOCHS"

## -j: round-robin jobs
args="-j 2 cpuid/exit vmcall/exit hlt/exit io/intercepted"; xrun
d=$(latest)
[ $rc -eq 0 ] && grep -q 'run=cpuid/exit,hlt/exit$' "$d/job-0/iso/boot/grub/grub.cfg" &&
	grep -q 'run=vmcall/exit,io/intercepted$' "$d/job-1/iso/boot/grub/grub.cfg"; ok "-j 2: two jobs, round-robin"
[ "$(grep -c '^PASS: ' "$tmp/out")" -eq 4 ]; ok "-j 2: four PASS lines"

## verdicts: exit 1
args="cpuid/exit vmcall/exit hlt/exit"
xrun FAKE_FAIL=vmcall/exit FAKE_SKIP=hlt/exit
[ $rc -eq 1 ] && has '^FAIL: vmcall/exit' && has '^SKIP: hlt/exit' && has '^    FAIL: exits CPUID'; ok "FAIL: exit 1"
xrun FAKE_SKIP=hlt/exit; [ $rc -eq 0 ]; ok "PASS and SKIP: exit 0"
xrun FAKE_CRASH=vmcall/exit FAKE_STATE="$tmp"
[ $rc -eq 1 ] && has '^CRASH: vmcall/exit: L1 took #UD' && has '^PASS: hlt/exit'; ok "crash record: CRASH, the rest rerun"
rm -f "$tmp/booted"
xrun FAKE_DIE=vmcall/exit FAKE_VMFAIL=1
[ $rc -eq 1 ] && has '^CRASH: vmcall/exit: the console ended inside the scenario' && has 'VMENTER FAIL: VMCS guest incorrect TR type'
ok "emulator exit inside a scenario: CRASH with bochs.log's VMENTER FAIL"
xrun FAKE_GARBAGE=vmcall/exit
[ $rc -eq 1 ] && has '^ERROR: vmcall/exit.*CRC mismatch' && has '^PASS: hlt/exit'; ok "garbage: ERROR"
xrun FAKE_FORGE=vmcall/exit
[ $rc -eq 1 ] && has '^ERROR: vmcall/exit .*: L1 printed an L0 record' && has '^PASS: hlt/exit' &&
	! grep -q '"l0_nested"\|"l0_stats"' "$(latest)/results.json"; ok "L1 printing L0 records: ERROR, none counted"
xrun FAKE_MODE=exit
[ $rc -eq 125 ] && [ "$(grep -c '^ERROR: .*not run: the emulator exited before L1 printed its begin record' "$tmp/out")" -eq 3 ] &&
	[ -d "$(latest)/job-1" ] && [ ! -d "$(latest)/job-2" ]; ok "no output at all: one retry, then ERROR not run, exit 125 (nothing judged)"
xrun FAKE_STOP=vmcall/exit FAKE_STATE="$tmp"
[ $rc -eq 0 ] && grep -q 'run=vmcall/exit,hlt/exit$' "$(latest)/job-1/iso/boot/grub/grub.cfg"
ok "run ended early: the rest rerun once in a fresh job"
rm -f "$tmp/booted"

## timeouts, kills
start=$(date +%s)
args="--timeout 2 cpuid/exit vmcall/exit"; xrun FAKE_HANG=vmcall/exit
d=$(latest)
[ $rc -eq 1 ] && has '^TIMEOUT: vmcall/exit: no result before the host-side timeout: killed after 2 s' && has '^PASS: cpuid/exit'
ok "hang: TIMEOUT, exit 1"
! kill -0 "$(cat "$d/job-0/fake.pid")" 2>/dev/null; ok "hang: the emulator is gone"
xrun FAKE_HANG=vmcall/exit FAKE_MODE=noterm
d=$(latest)
[ $rc -eq 1 ] && has '^TIMEOUT: vmcall/exit'; ok "SIGTERM ignored: TIMEOUT"
! kill -0 "$(cat "$d/job-0/fake.pid")" 2>/dev/null; ok "SIGTERM ignored: SIGKILL ended it"
[ $(( $(date +%s) - start )) -lt 15 ]; ok "timeouts took under 15 s"
## git bisect run's statuses: nothing judged (only TIMEOUT) is 125, skip this commit
args="--timeout 2 vmcall/exit"; xrun FAKE_HANG=vmcall/exit
[ $rc -eq 125 ] && has '^TIMEOUT: vmcall/exit'; ok "only TIMEOUT: exit 125, cannot test (rc $rc)"
start=$(date +%s)
args="cpuid/exit"; xrun FAKE_MODE=flood
[ $rc -eq 125 ] && has '^ERROR: cpuid/exit: not run: console output over 16 MiB'; ok "console flood: capped, ERROR, exit 125"
[ $(( $(date +%s) - start )) -lt 10 ] && ! kill -0 "$(cat "$(latest)/job-0/fake.pid")" 2>/dev/null
ok "console flood: killed at the cap, not at the timeout"

if [ -x "${FAKE_FLOOD_BIN:-}" ]; then
	start=$(date +%s)
	args="--timeout 3 cpuid/exit"; xrun FAKE_MODE=records FAKE_FLOOD_BIN="$FAKE_FLOOD_BIN"
	took=$(( $(date +%s) - start ))
	[ $rc -eq 125 ] && has '^TIMEOUT: cpuid/exit' && has 'no result before the host-side timeout' && [ $took -le 8 ]
	ok "16 MiB of valid records: TIMEOUT within --timeout + 5 s (took $took s)"
else
	echo "SKIP: record flood: FAKE_FLOOD_BIN not set (make check-runner sets it)"
fi

## interrupted: exit 130, results written, emulator gone
args="cpuid/exit vmcall/exit"
touch "$tmp/mark"; sleep 0.01
env NESTLAB_BOCHS="$here/fake-bochs" FAKE_HANG=vmcall/exit "$nestlab" run --image "$image" --results "$tmp/results" \
	$args >"$tmp/out" 2>"$tmp/err" &
pid=$!
wait_inside vmcall/exit
kill -INT $pid; wait $pid; rc=$?
d=$(latest)
[ $rc -eq 130 ] && has '^ERROR: vmcall/exit: interrupted' && grep -q '"interrupted": true' "$d/results.json"
ok "SIGINT: exit 130, results written"
! kill -0 "$(cat "$d/job-0/fake.pid")" 2>/dev/null; ok "SIGINT: the emulator is gone"

## kill -9 of nestlab: the emulator and everything in its process group go too
touch "$tmp/mark"; sleep 0.01
env NESTLAB_BOCHS="$here/fake-bochs" FAKE_HANG=vmcall/exit "$nestlab" run --image "$image" --results "$tmp/results" \
	$args >"$tmp/out" 2>"$tmp/err" &
pid=$!
wait_inside vmcall/exit
d=$(newest); fake=$(cat "$d/job-0/fake.pid" 2>/dev/null)
[ -n "$fake" ] && kill -0 "$fake" 2>/dev/null; ok "kill -9: the fake emulator runs before ($d: '$fake')"
kill -9 $pid; wait $pid 2>/dev/null
i=0; while [ $i -lt 30 ] && [ -n "$(pgrep -g "$fake")" ]; do sleep 0.1; i=$((i + 1)); done
[ -z "$(pgrep -g "$fake")" ]; ok "kill -9: no process of the emulator's group is left ($(pgrep -g "$fake" | tr '\n' ' '))"

## TAP
args="--tap cpuid/exit vmcall/exit hlt/exit"; xrun FAKE_FAIL=vmcall/exit FAKE_SKIP=hlt/exit
[ $rc -eq 1 ] && [ "$(head -2 "$tmp/out")" = "$(printf 'TAP version 13\n1..3')" ] && has '^ok 1 - cpuid/exit' &&
	has '^not ok 2 - vmcall/exit' && has '^ok 3 - hlt/exit # SKIP needs nothing$' && has '^# FAIL: exits CPUID' && has '^# SUMMARY: '
ok "TAP 13"

## attribution: the fake lab's FAILs re-run on the (fake) bare Bochs and labelled
# FAKE_LAB_FAIL fails in the lab only (L0), FAKE_FAIL in the lab and bare (emulator).
args="--backend lab-vmx --junit $tmp/junit.xml --kcidb $tmp/kcidb.json cpuid/exit vmcall/exit hlt/exit"
xrun NESTLAB_LAB="$tmp/lab" FAKE_LAB_FAIL=cpuid/exit FAKE_FAIL=vmcall/exit
d=$(latest)
[ $rc -eq 1 ] && has '^FAIL: cpuid/exit \[L0\] (64 iterations' && has '^    attribution: L0 (bochs haswell PASS bare)' &&
	has '^FAIL: vmcall/exit \[emulator\] (' && has '^PASS: hlt/exit (' && err_has 'attribution: 2 FAILs again on bochs haswell'
ok "lab FAILs attributed: L0 (passes bare), emulator (fails bare) on the FAIL lines"
[ "$(sed -n '/^FAIL: /=' "$tmp/out" | head -n 1)" -gt "$(sed -n '/^PASS: hlt/=' "$tmp/out")" ]
ok "FAIL lines come after the attribution, the others as they come"
tr -d ' \n' < "$d/results.json" > "$tmp/flat.json"
grep -q '"name":"cpuid/exit".*"attribution":{"label":"L0","bare":\[{"l0":"bochshaswell","verdict":"PASS","results":"attribution/' "$tmp/flat.json" &&
	grep -q '"attribute":"on"' "$tmp/flat.json" && [ "$(grep -o '"attribution":{' "$tmp/flat.json" | wc -l)" -eq 2 ] &&
	grep -q '"label":"emulator"' "$tmp/flat.json" &&
	[ -f "$d/$(sed -n 's/.*"results": "\(attribution[^"]*\)".*/\1/p' "$d/results.json" | head -n 1)" ]
ok "results.json: scenarios[].attribution (label, bare runs and their results.json)"
grep -q '<property name="attribution" value="L0"/>' "$tmp/junit.xml" && grep -q 'attribution: emulator' "$tmp/junit.xml"
ok "JUnit: the attribution as a property and in the failure"
kcidb_check=${KCIDB_CHECK:-$(dirname "$nestlab")/../host/l0/kcidb_check}
tr -d ' \n' < "$tmp/kcidb.json" > "$tmp/flat.json"
"$kcidb_check" "$tmp/kcidb.json" > "$tmp/out" && grep -q '"version":{"major":5,"minor":3}' "$tmp/flat.json" &&
	[ "$(grep -c '"build_id":' "$tmp/kcidb.json")" -eq 3 ] && grep -q '"status": "FAIL"' "$tmp/kcidb.json" &&
	grep -q '"path": "nestlab.cpuid.exit"' "$tmp/kcidb.json" && grep -q '"label": "L0"' "$tmp/kcidb.json"
ok "--kcidb: a KCIDB 5.3 report meeting the schema's requirements (kcidb_check), a test per scenario"
args="--backend lab-vmx --tap cpuid/exit hlt/exit"; xrun NESTLAB_LAB="$tmp/lab" FAKE_LAB_FAIL=cpuid/exit
[ $rc -eq 1 ] && has '^ok 1 - hlt/exit' && has '^not ok 2 - cpuid/exit \[L0\]' && has '^# attribution: L0 (bochs haswell PASS bare)'
ok "TAP: the label on the not ok line, numbered in print order"
args="--backend lab-vmx --attribute off cpuid/exit"; xrun NESTLAB_LAB="$tmp/lab" FAKE_LAB_FAIL=cpuid/exit
[ $rc -eq 1 ] && has '^FAIL: cpuid/exit (64' && ! err_has attribution && [ ! -d "$(latest)/attribution" ]
ok "--attribute off: no bare re-run, no label"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
