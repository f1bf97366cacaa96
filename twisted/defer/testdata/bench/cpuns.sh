#!/bin/sh
# cpuns.sh BENCH: process CPU nanoseconds per op of go benchmark BENCH in
# twisted/defer (GC included), from two runs of 1M and 5M ops, so that the
# start-up cost cancels out. Run from the repository root.
set -e
go test -c -o /tmp/deferred-bench.test ./twisted/defer
cpu() { /usr/bin/time -f "%U %S" /tmp/deferred-bench.test -test.run '^$' -test.bench "^$1\$" -test.benchtime "$2x" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; }
a=$(cpu "$1" 1000000)
b=$(cpu "$1" 5000000)
echo "$1 $(echo "($b - $a) * 1000000000 / 4000000" | bc) cpu-ns/op"
