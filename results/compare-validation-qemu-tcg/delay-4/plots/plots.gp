# nestlab report: gnuplot plots.gp in this directory redraws the plots
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'cpuid-exit.svg'
set title "cpuid/exit: 64 round trips, median 233 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [230:237]
plot 'cpuid-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'cpuid-exit.png'
set title "cpuid/exit: 64 round trips, median 233 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [230:237]
plot 'cpuid-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'vmcall-exit.svg'
set title "vmcall/exit: 64 round trips, median 238 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [235:242]
plot 'vmcall-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'vmcall-exit.png'
set title "vmcall/exit: 64 round trips, median 238 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [235:242]
plot 'vmcall-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'hlt-exit.svg'
set title "hlt/exit: 64 round trips, median 213 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [210:217]
plot 'hlt-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'hlt-exit.png'
set title "hlt/exit: 64 round trips, median 213 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [210:217]
plot 'hlt-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'io-intercepted.svg'
set title "io/intercepted: 64 round trips, median 329 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [326:333]
plot 'io-intercepted.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'io-intercepted.png'
set title "io/intercepted: 64 round trips, median 329 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [326:333]
plot 'io-intercepted.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'io-passthrough.svg'
set title "io/passthrough: 64 round trips, median 17 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
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
set title "io/passthrough: 64 round trips, median 17 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
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
set title "msr/rdmsr-exit: 64 round trips, median 269 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [266:273]
plot 'msr-rdmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'msr-rdmsr-exit.png'
set title "msr/rdmsr-exit: 64 round trips, median 269 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [266:273]
plot 'msr-rdmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'msr-wrmsr-exit.svg'
set title "msr/wrmsr-exit: 64 round trips, median 241 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [238:245]
plot 'msr-wrmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'msr-wrmsr-exit.png'
set title "msr/wrmsr-exit: 64 round trips, median 241 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [238:245]
plot 'msr-wrmsr-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'msr-passthrough.svg'
set title "msr/passthrough: 64 round trips, median 23 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
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
set title "msr/passthrough: 64 round trips, median 23 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
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
set title "ept/violation: 64 round trips, median 169 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [166:173]
plot 'ept-violation.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'ept-violation.png'
set title "ept/violation: 64 round trips, median 169 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [166:173]
plot 'ept-violation.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'pf-demand-paging.svg'
set title "pf/demand-paging: 64 round trips, median 37 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [34:41]
plot 'pf-demand-paging.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'pf-demand-paging.png'
set title "pf/demand-paging: 64 round trips, median 37 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [34:41]
plot 'pf-demand-paging.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'pf-cr3-across-exit.svg'
set title "pf/cr3-across-exit: 64 round trips, median 254 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [251:258]
plot 'pf-cr3-across-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'pf-cr3-across-exit.png'
set title "pf/cr3-across-exit: 64 round trips, median 254 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [251:258]
plot 'pf-cr3-across-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'l1-cpuid.svg'
set title "l1/cpuid: 64 round trips, median 14 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
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
set title "l1/cpuid: 64 round trips, median 14 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
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
set output 'svm-gif-exit.svg'
set title "svm/gif-exit: 64 round trips, median 502 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [499:506]
plot 'svm-gif-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'svm-gif-exit.png'
set title "svm/gif-exit: 64 round trips, median 502 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [499:506]
plot 'svm-gif-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'svm-vgif.svg'
set title "svm/vgif: 64 round trips, median 9 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [6:13]
plot 'svm-vgif.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'svm-vgif.png'
set title "svm/vgif: 64 round trips, median 9 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [6:13]
plot 'svm-vgif.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'svm-vmsave-exit.svg'
set title "svm/vmsave-exit: 64 round trips, median 553 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [550:557]
plot 'svm-vmsave-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'svm-vmsave-exit.png'
set title "svm/vmsave-exit: 64 round trips, median 553 cycles (qemu-system-x86_64 7.2.22 (tcg, icount shift=0))" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [550:557]
plot 'svm-vmsave-exit.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 1100,550 dynamic font 'sans,11'
set output 'compare.svg'
set title "median change, NEW 20261207-163413-qemu-tcg-2e3c vs BASE 20261207-163404-qemu-tcg-c30e (95% CI, threshold +-2%)" noenhanced
set ylabel 'change of the median, %'
set xlabel ''
set xtics rotate by -60 font ',8'
set boxwidth 0.7
set style fill solid 0.5
set grid ytics
set yrange [*:*]
set xrange [-1:15]
plot 'compare.dat' using 1:3:xtic(2) with boxes lc rgb '#a05030' title 'median change', \
     '' using 1:3:4:5 with yerrorbars lc rgb 'black' pt 0 title 'confidence interval', \
     2.00 with lines dt 2 lc rgb 'red' title 'threshold', -2.00 with lines dt 2 lc rgb 'red' notitle
set terminal pngcairo size 1100,550 font 'sans,10'
set output 'compare.png'
set title "median change, NEW 20261207-163413-qemu-tcg-2e3c vs BASE 20261207-163404-qemu-tcg-c30e (95% CI, threshold +-2%)" noenhanced
set ylabel 'change of the median, %'
set xlabel ''
set xtics rotate by -60 font ',8'
set boxwidth 0.7
set style fill solid 0.5
set grid ytics
set yrange [*:*]
set xrange [-1:15]
plot 'compare.dat' using 1:3:xtic(2) with boxes lc rgb '#a05030' title 'median change', \
     '' using 1:3:4:5 with yerrorbars lc rgb 'black' pt 0 title 'confidence interval', \
     2.00 with lines dt 2 lc rgb 'red' title 'threshold', -2.00 with lines dt 2 lc rgb 'red' notitle
unset output
