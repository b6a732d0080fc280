<?php
// The sequential round trips of one Importer::run() (issue 7's bound counts them), read from the mock
// tenant's request log: requests whose time in the mock overlaps (directly or through others) were in
// flight together and count as one round. The latency makes requests sent together overlap there; a
// request sent after another's answer never does. Prints the rounds up to the first $batch (token,
// folder resolution, listing) one by one, and the totals.
//   php bench/round_trips.php [--messages N] [--latency-ms MS]
declare(strict_types=1);

$opt = getopt('', ['messages:', 'latency-ms:']);
$n = max(1, (int) ($opt['messages'] ?? 1000));
$latency = max(1, (int) ($opt['latency-ms'] ?? 20));
$root = dirname(__DIR__);
require "$root/tests/mock-tenant/server.inc";
require __DIR__ . '/workload.inc';

$ext = bench_extension();
$t = MockTenant::start([], ['latency_ms' => 0]);
$t->reset(bench_seed($n));
$t->setLatency($latency);
$t->clearRequests();
$dir = sys_get_temp_dir() . '/sqz-round-trips-' . getmypid() . '-' . bin2hex(random_bytes(4));
mkdir("$dir/out", 0777, true);
$cmd = [PHP_BINARY, '-d', "extension=$ext", __DIR__ . '/extension.php', $t->authority, $t->graph,
    BENCH_TENANT, BENCH_CLIENT, BENCH_SECRET, BENCH_MAILBOX, "$dir/out", "$dir/store"];
$out = shell_exec(implode(' ', array_map('escapeshellarg', $cmd)) . ' 2>&1');
$t->setLatency(0);
$log = $t->requests();
shell_exec('rm -rf ' . escapeshellarg($dir));
$t->stop();
$result = json_decode(trim((string) $out), true);
if (!is_array($result) || $result['imported'] !== $n) {
    fwrite(STDERR, "the import did not take all $n messages: $out\n");
    exit(1);
}

$spans = array_map(fn ($x) => [$x['ts'] - $x['ms'] / 1000, $x['ts'], $x], $log);
usort($spans, fn ($a, $b) => $a[0] <=> $b[0]);
$rounds = [];
$end = -INF;
foreach ($spans as [$start, $stop, $x]) {
    if ($start >= $end) {
        $rounds[] = [];
    }
    $end = max($end, $stop);
    $what = $x['method'] . ' ' . preg_replace(['~^/v1\.0/users/[^/]+~', '~/(mailFolders|messages)/[^/?]+~', '~\?.*$~',
        '~^/[^/]+/oauth2/v2\.0/token$~'], ['', '/$1/*', '', 'token'], $x['target']);
    $rounds[count($rounds) - 1][] = $what . ($x['members'] ? ' (' . count($x['members']) . ' members)' : '');
}
$first = null;
foreach ($rounds as $i => $r) {
    if ($first === null && preg_grep('~\$batch~', $r)) {
        $first = $i;
    }
}
echo "$n messages, $latency ms latency per HTTP request, " . trim((string) shell_exec('git -C ' . escapeshellarg($root)
    . ' log -1 --format=%h 2>/dev/null')) . "\n";
foreach (array_slice($rounds, 0, ($first ?? count($rounds) - 1) + 1) as $i => $r) {
    printf("  round %2d: %s\n", $i + 1, implode(' | ', $r));
}
printf("rounds before the first \$batch: %d\n", $first ?? count($rounds));
printf("rounds with a listing page:      %d\n", count(array_filter($rounds, fn ($r) => preg_grep('~/messages$~', $r) !== [])));
printf("rounds in all:                   %d\n", count($rounds));
printf("HTTP requests:                   %d (%d batch members)\n", count($log), array_sum(array_map(fn ($x) => count($x['members']), $log)));
