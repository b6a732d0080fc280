#!/usr/bin/env bash
# CPU profile of the import (issue 7): callgrind on the php process running Importer::run()
# (bench/extension.php) against the mock tenant at 0 ms latency; the mock itself runs natively.
# Prints the instructions by library and the top functions of ours, of JSON parsing and of curl,
# and whether any function of ours costs more than JSON parsing or curl do.
#   bash bench/profile.sh [MESSAGES (default 200)] [TOP (default 15)]
# The callgrind file is kept (its path is printed) for callgrind_annotate / kcachegrind.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-200}
top=${2:-15}
ext="${SQZ_BENCH_EXT:-$root/modules/sqzgraph.so}"    # SQZ_BENCH_EXT: another build, as for run.php
[ -f "$ext" ] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }
if ! command -v valgrind >/dev/null || ! command -v callgrind_annotate >/dev/null; then
	echo "valgrind is missing: installing it (apt-get install valgrind)" >&2
	apt-get install -y valgrind >/dev/null
fi
work=$(mktemp -d /tmp/sqz-profile.XXXXXX)
out="$work/callgrind.out"

# The PHP driver keeps the tenant alive while valgrind runs the importer.
php -d display_errors=stderr -- "$root" "$here" "$n" "$ext" "$work" "$out" <<'PHP'
<?php
[, $root, $here, $n, $ext, $work, $out] = $argv;
require "$root/tests/mock-tenant/server.inc";
require "$here/workload.inc";
$t = MockTenant::start([]);
$t->reset(bench_seed((int) $n));
$t->setLatency(0);
mkdir("$work/out");
$cmd = ['valgrind', '--tool=callgrind', "--callgrind-out-file=$out", '--dump-instr=no', PHP_BINARY, '-d', "extension=$ext",
    "$here/extension.php", $t->authority, $t->graph, BENCH_TENANT, BENCH_CLIENT, BENCH_SECRET, BENCH_MAILBOX, "$work/out", "$work/store"];
$t0 = microtime(true);
$res = shell_exec(implode(' ', array_map('escapeshellarg', $cmd)) . " 2>$work/valgrind.log");
$r = json_decode(trim((string) $res), true);
if (!is_array($r) || $r['imported'] !== (int) $n) {
    file_put_contents("php://stderr", "the import under callgrind failed: $res\n" . file_get_contents("$work/valgrind.log"));
    exit(1);
}
printf("imported %d messages under callgrind in %.1f s; %d HTTP requests\n", $r['imported'], microtime(true) - $t0, count($t->requests()));
PHP

callgrind_annotate --inclusive=no --threshold=100 "$out" 2>/dev/null > "$work/self.txt"
# Lines: "  1,234 (12.34%)  file:function [object]" — classify each function by its object.
php -- "$work/self.txt" "$top" <<'PHP'
<?php
[, $file, $top] = $argv;
$groups = ['ours (sqzgraph.so)' => '~/sqzgraph\.so$~', 'JSON parsing (json-c)' => '~libjson-c~',
    'curl (libcurl, OpenSSL, zlib, nghttp2)' => '~lib(curl|ssl|crypto|z|nghttp2|brotli|zstd)\.so~',
    'PHP (engine, streams, files)' => '~/php[0-9.]*$|/php/20\d+/~', 'C library (memcpy, malloc, syscalls)' => '~libc\.so|ld-linux~'];
$total = 0;
$by = [];
$fn = [];
foreach (file($file) as $line) {
    if (preg_match('/^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*?)\s+\[(.*)\]\s*$/', $line, $m)) {
        $ir = (int) str_replace(',', '', $m[1]);
        $g = 'other';
        foreach ($groups as $name => $re) {
            if (preg_match($re, $m[3])) {
                $g = $name;
                break;
            }
        }
        $by[$g] = ($by[$g] ?? 0) + $ir;
        $name = preg_replace('/^.*:/', '', $m[2]);
        $fn[$g][] = [$ir, str_starts_with($name, '0x') ? $name . ' [' . basename($m[3]) . ']' : $name];
        $total += $ir;
    } elseif (preg_match('/^\s*([\d,]+)\s+\(100\.0%\)\s+PROGRAM TOTALS/', $line, $m)) {
        $all = (int) str_replace(',', '', $m[1]);
    }
}
$all ??= $total;
printf("\n%-42s %16s %7s\n", 'self cost by library', 'instructions', 'share');
arsort($by);
foreach ($by as $g => $ir) {
    printf("%-42s %16s %6.1f%%\n", $g, number_format($ir), 100 * $ir / $all);
}
foreach (['ours (sqzgraph.so)', 'JSON parsing (json-c)', 'curl (libcurl, OpenSSL, zlib, nghttp2)'] as $g) {
    printf("\ntop functions: %s\n", $g);
    $list = $fn[$g] ?? [];
    usort($list, fn ($a, $b) => $b[0] <=> $a[0]);
    foreach (array_slice($list, 0, (int) $top) as [$ir, $name]) {
        printf("  %16s %6.2f%%  %s\n", number_format($ir), 100 * $ir / $all, $name);
    }
}
$ours = $fn['ours (sqzgraph.so)'] ?? [[0, '-']];
usort($ours, fn ($a, $b) => $b[0] <=> $a[0]);
$json = $by['JSON parsing (json-c)'] ?? 0;
$curl = $by['curl (libcurl, OpenSSL, zlib, nghttp2)'] ?? 0;
printf("\nhottest function of ours: %s, %.2f%% of all; JSON parsing %.2f%%, curl %.2f%% — %s\n", $ours[0][1], 100 * $ours[0][0] / $all,
    100 * $json / $all, 100 * $curl / $all,
    $ours[0][0] <= min($json, $curl) ? 'target met: no hot spot of ours above JSON parsing and curl'
        : 'target missed: a function of ours costs more than ' . ($ours[0][0] > $json ? 'JSON parsing' : 'curl'));
printf("all of ours (self): %.2f%%\n", 100 * ($by['ours (sqzgraph.so)'] ?? 0) / $all);
PHP
echo
echo "callgrind file: $out   (callgrind_annotate --inclusive=yes $out | less)"
