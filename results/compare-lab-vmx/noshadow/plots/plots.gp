# nestlab report: gnuplot plots.gp in this directory redraws the plots
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'cpuid-exit.svg'
set title "cpuid/exit: 64 round trips, median 29532 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 373
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [28409:45915]
plot 'cpuid-exit.dat' using ($1+186.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'cpuid-exit.png'
set title "cpuid/exit: 64 round trips, median 29532 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 373
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [28409:45915]
plot 'cpuid-exit.dat' using ($1+186.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'vmcall-exit.svg'
set title "vmcall/exit: 64 round trips, median 27610 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 360
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [26530:43444]
plot 'vmcall-exit.dat' using ($1+180):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'vmcall-exit.png'
set title "vmcall/exit: 64 round trips, median 27610 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 360
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [26530:43444]
plot 'vmcall-exit.dat' using ($1+180):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'l1-cpuid.svg'
set title "l1/cpuid: 64 round trips, median 1933 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [1930:1937]
plot 'l1-cpuid.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'l1-cpuid.png'
set title "l1/cpuid: 64 round trips, median 1933 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [1930:1937]
plot 'l1-cpuid.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 800,450 dynamic font 'sans,11'
set output 'l1-vmread.svg'
set title "l1/vmread: 64 round trips, median 2117 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [2114:2121]
plot 'l1-vmread.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
set terminal pngcairo size 800,450 font 'sans,10'
set output 'l1-vmread.png'
set title "l1/vmread: 64 round trips, median 2117 cycles (lab-vmx: Linux 6.1.0-56-cloud-amd64, kvm_intel, in bochs 2.7)" noenhanced
set xlabel 'cycles (net of the timing overhead)'
set ylabel 'samples'
set boxwidth 1
set style fill solid 0.6
set xtics auto
set yrange [0:*]
set xrange [2114:2121]
plot 'l1-vmread.dat' using ($1+0.5):2 with boxes lc rgb '#3060a0' notitle
unset output
set terminal svg size 1100,550 dynamic font 'sans,11'
set output 'compare.svg'
set title "median change, NEW 20261125-154630-lab-vmx-8985 vs BASE 20261125-153819-lab-vmx-1a0a (95% CI, threshold +-2%)" noenhanced
set ylabel 'change of the median, %'
set xlabel ''
set xtics rotate by -60 font ',8'
set boxwidth 0.7
set style fill solid 0.5
set grid ytics
set yrange [*:*]
set xrange [-1:4]
plot 'compare.dat' using 1:3:xtic(2) with boxes lc rgb '#a05030' title 'median change', \
     '' using 1:3:4:5 with yerrorbars lc rgb 'black' pt 0 title 'confidence interval', \
     2.00 with lines dt 2 lc rgb 'red' title 'threshold', -2.00 with lines dt 2 lc rgb 'red' notitle
set terminal pngcairo size 1100,550 font 'sans,10'
set output 'compare.png'
set title "median change, NEW 20261125-154630-lab-vmx-8985 vs BASE 20261125-153819-lab-vmx-1a0a (95% CI, threshold +-2%)" noenhanced
set ylabel 'change of the median, %'
set xlabel ''
set xtics rotate by -60 font ',8'
set boxwidth 0.7
set style fill solid 0.5
set grid ytics
set yrange [*:*]
set xrange [-1:4]
plot 'compare.dat' using 1:3:xtic(2) with boxes lc rgb '#a05030' title 'median change', \
     '' using 1:3:4:5 with yerrorbars lc rgb 'black' pt 0 title 'confidence interval', \
     2.00 with lines dt 2 lc rgb 'red' title 'threshold', -2.00 with lines dt 2 lc rgb 'red' notitle
unset output
