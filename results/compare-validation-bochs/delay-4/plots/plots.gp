# nestlab report: gnuplot plots.gp in this directory redraws the plots
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'cpuid-exit.svg'
set title "cpuid/exit: 64 round trips, median 174 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [171:178]
plot 'cpuid-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'cpuid-exit.png'
set title "cpuid/exit: 64 round trips, median 174 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [171:178]
plot 'cpuid-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'vmcall-exit.svg'
set title "vmcall/exit: 64 round trips, median 168 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [165:172]
plot 'vmcall-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'vmcall-exit.png'
set title "vmcall/exit: 64 round trips, median 168 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [165:172]
plot 'vmcall-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'hlt-exit.svg'
set title "hlt/exit: 64 round trips, median 150 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [147:154]
plot 'hlt-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'hlt-exit.png'
set title "hlt/exit: 64 round trips, median 150 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [147:154]
plot 'hlt-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'io-intercepted.svg'
set title "io/intercepted: 64 round trips, median 377 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [374:381]
plot 'io-intercepted.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'io-intercepted.png'
set title "io/intercepted: 64 round trips, median 377 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [374:381]
plot 'io-intercepted.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'io-passthrough.svg'
set title "io/passthrough: 64 round trips, median 17 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [14:21]
plot 'io-passthrough.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'io-passthrough.png'
set title "io/passthrough: 64 round trips, median 17 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [14:21]
plot 'io-passthrough.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'msr-rdmsr-exit.svg'
set title "msr/rdmsr-exit: 64 round trips, median 164 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [161:168]
plot 'msr-rdmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'msr-rdmsr-exit.png'
set title "msr/rdmsr-exit: 64 round trips, median 164 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [161:168]
plot 'msr-rdmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'msr-wrmsr-exit.svg'
set title "msr/wrmsr-exit: 64 round trips, median 164 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [161:168]
plot 'msr-wrmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'msr-wrmsr-exit.png'
set title "msr/wrmsr-exit: 64 round trips, median 164 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [161:168]
plot 'msr-wrmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'msr-passthrough.svg'
set title "msr/passthrough: 64 round trips, median 23 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [20:27]
plot 'msr-passthrough.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'msr-passthrough.png'
set title "msr/passthrough: 64 round trips, median 23 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [20:27]
plot 'msr-passthrough.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'ept-violation.svg'
set title "ept/violation: 64 round trips, median 168 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [165:172]
plot 'ept-violation.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'ept-violation.png'
set title "ept/violation: 64 round trips, median 168 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [165:172]
plot 'ept-violation.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'pf-demand-paging.svg'
set title "pf/demand-paging: 64 round trips, median 38 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [35:42]
plot 'pf-demand-paging.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'pf-demand-paging.png'
set title "pf/demand-paging: 64 round trips, median 38 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [35:42]
plot 'pf-demand-paging.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'pf-cr3-across-exit.svg'
set title "pf/cr3-across-exit: 64 round trips, median 196 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [193:200]
plot 'pf-cr3-across-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'pf-cr3-across-exit.png'
set title "pf/cr3-across-exit: 64 round trips, median 196 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [193:200]
plot 'pf-cr3-across-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'shadow-vmread.svg'
set title "shadow/vmread: 64 round trips, median 16 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [13:20]
plot 'shadow-vmread.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'shadow-vmread.png'
set title "shadow/vmread: 64 round trips, median 16 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [13:20]
plot 'shadow-vmread.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'shadow-vmread-exit.svg'
set title "shadow/vmread-exit: 64 round trips, median 238 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [235:242]
plot 'shadow-vmread-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'shadow-vmread-exit.png'
set title "shadow/vmread-exit: 64 round trips, median 238 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [235:242]
plot 'shadow-vmread-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'shadow-vmwrite.svg'
set title "shadow/vmwrite: 64 round trips, median 17 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [14:21]
plot 'shadow-vmwrite.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'shadow-vmwrite.png'
set title "shadow/vmwrite: 64 round trips, median 17 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [14:21]
plot 'shadow-vmwrite.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'shadow-vmwrite-exit.svg'
set title "shadow/vmwrite-exit: 64 round trips, median 239 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [236:243]
plot 'shadow-vmwrite-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'shadow-vmwrite-exit.png'
set title "shadow/vmwrite-exit: 64 round trips, median 239 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [236:243]
plot 'shadow-vmwrite-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-tpr-cr8.svg'
set title "apic/tpr-cr8: 64 round trips, median 19 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [16:23]
plot 'apic-tpr-cr8.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-tpr-cr8.png'
set title "apic/tpr-cr8: 64 round trips, median 19 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [16:23]
plot 'apic-tpr-cr8.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-tpr-below-threshold.svg'
set title "apic/tpr-below-threshold: 64 round trips, median 147 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [144:151]
plot 'apic-tpr-below-threshold.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-tpr-below-threshold.png'
set title "apic/tpr-below-threshold: 64 round trips, median 147 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [144:151]
plot 'apic-tpr-below-threshold.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-tpr-mmio.svg'
set title "apic/tpr-mmio: 64 round trips, median 19 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [16:23]
plot 'apic-tpr-mmio.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-tpr-mmio.png'
set title "apic/tpr-mmio: 64 round trips, median 19 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [16:23]
plot 'apic-tpr-mmio.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-reg-read.svg'
set title "apic/reg-read: 64 round trips, median 12 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [9:16]
plot 'apic-reg-read.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-reg-read.png'
set title "apic/reg-read: 64 round trips, median 12 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [9:16]
plot 'apic-reg-read.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-access-exit.svg'
set title "apic/access-exit: 64 round trips, median 185 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [182:189]
plot 'apic-access-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-access-exit.png'
set title "apic/access-exit: 64 round trips, median 185 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [182:189]
plot 'apic-access-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-write-exit.svg'
set title "apic/write-exit: 64 round trips, median 149 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [146:153]
plot 'apic-write-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-write-exit.png'
set title "apic/write-exit: 64 round trips, median 149 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [146:153]
plot 'apic-write-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-self-ipi.svg'
set title "apic/self-ipi: 64 round trips, median 31 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [28:35]
plot 'apic-self-ipi.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-self-ipi.png'
set title "apic/self-ipi: 64 round trips, median 31 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [28:35]
plot 'apic-self-ipi.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'apic-x2apic-self-ipi.svg'
set title "apic/x2apic-self-ipi: 64 round trips, median 36 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [33:40]
plot 'apic-x2apic-self-ipi.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'apic-x2apic-self-ipi.png'
set title "apic/x2apic-self-ipi: 64 round trips, median 36 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [33:40]
plot 'apic-x2apic-self-ipi.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'l1-cpuid.svg'
set title "l1/cpuid: 64 round trips, median 14 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [11:18]
plot 'l1-cpuid.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'l1-cpuid.png'
set title "l1/cpuid: 64 round trips, median 14 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [11:18]
plot 'l1-cpuid.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'l1-vmread.svg'
set title "l1/vmread: 64 round trips, median 15 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [12:19]
plot 'l1-vmread.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'l1-vmread.png'
set title "l1/vmread: 64 round trips, median 15 cycles (bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [12:19]
plot 'l1-vmread.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 1100,550 dynamic font 'sans,11'
set output 'compare.svg'
set title "median change, NEW 20261125-185209-bochs-6dcb vs BASE 20261125-184926-bochs-e69e (95% CI, threshold +-2%)" noenhanced
set ylabel 'change of the median, %'
set xlabel ''
set xtics rotate by -60 font ',8'
set boxwidth 0.7
set style fill solid 0.5
set grid ytics
set yrange [*:*]
set xrange [-1:25]
plot 'compare.dat' using 1:3:xtic(2) with boxes lc rgb '#a05030' title 'median change', \
     '' using 1:3:4:5 with yerrorbars lc rgb 'black' pt 0 title 'confidence interval', \
     2.00 with lines dt 2 lc rgb 'red' title 'threshold', -2.00 with lines dt 2 lc rgb 'red' notitle
set terminal pngcairo size 1100,550 font 'sans,10'
set output 'compare.png'
set title "median change, NEW 20261125-185209-bochs-6dcb vs BASE 20261125-184926-bochs-e69e (95% CI, threshold +-2%)" noenhanced
set ylabel 'change of the median, %'
set xlabel ''
set xtics rotate by -60 font ',8'
set boxwidth 0.7
set style fill solid 0.5
set grid ytics
set yrange [*:*]
set xrange [-1:25]
plot 'compare.dat' using 1:3:xtic(2) with boxes lc rgb '#a05030' title 'median change', \
     '' using 1:3:4:5 with yerrorbars lc rgb 'black' pt 0 title 'confidence interval', \
     2.00 with lines dt 2 lc rgb 'red' title 'threshold', -2.00 with lines dt 2 lc rgb 'red' notitle
unset output
