<?php
// The mock tenant's own cost per request on the benchmark's mailbox: CPU time of its dispatcher
// and backends (utime + stime from /proc/PID/stat, 10 ms ticks, summed over many requests) and
// wall time, per kind of request. Run it after changing tests/mock-tenant; it asserts nothing.
//   php bench/profile-mock.php [--messages N] [--root DIR]
// --root: the checkout whose tests/mock-tenant is measured (default: this one), e.g. an older
// worktree, to compare before and after.
declare(strict_types=1);

$opt = getopt('', ['messages:', 'root:']);
$n = max(600, (int) ($opt['messages'] ?? 1000));   // the requests below use 500 distinct messages
$root = rtrim($opt['root'] ?? dirname(__DIR__), '/');
require "$root/tests/mock-tenant/server.inc";
require __DIR__ . '/workload.inc';

$t = MockTenant::start([]);
$s = microtime(true);
$t->reset(bench_seed($n));
printf("mock tenant of %s: seeding %d messages took %.2f s\n", $root, $n, microtime(true) - $s);

/** @return list<int> the dispatcher first, then its backends */
function mock_pids(MockTenant $t): array
{
    $out = [];
    foreach (glob('/proc/[0-9]*') as $p) {
        $cmd = (string) @file_get_contents("$p/cmdline");
        $env = (string) @file_get_contents("$p/environ");
        if (str_contains($cmd, 'serve.php') && str_contains($cmd, $t->stateFile)) {
            array_unshift($out, (int) basename($p));
        } elseif (str_contains($env, 'MOCK_TENANT_STATE=' . $t->stateFile . "\0")) {
            $out[] = (int) basename($p);
        }
    }
    return $out;
}

/** @param list<int> $pids @return float CPU milliseconds used so far */
function cpu_ms(array $pids): float
{
    $ticks = 0;
    foreach ($pids as $pid) {
        $st = @file_get_contents("/proc/$pid/stat");
        if ($st !== false) {
            $f = explode(' ', substr($st, strrpos($st, ')') + 2));
            $ticks += (int) $f[11] + (int) $f[12];
        }
    }
    return $ticks * 1000 / 100;    // USER_HZ is 100 on Linux
}

$pids = mock_pids($t);
$tok = $t->clientCredentialsToken(BENCH_TENANT, BENCH_CLIENT, BENCH_SECRET);
$mb = '/users/' . rawurlencode(BENCH_MAILBOX);
$h = ["Authorization: Bearer $tok"];
$json = array_merge($h, ['Content-Type: application/json']);
$ids = [];
// pages of 100: an older mock needs seconds per page, and the test helper's HTTP timeout is 20 s
for ($url = $t->graph . "$mb/mailFolders/inbox/messages?\$top=100&\$select=id&\$orderby=receivedDateTime%20asc"; $url !== null && count($ids) < 500;) {
    $page = $t->http('GET', $url, $h)['json'] ?? throw new RuntimeException('listing the mailbox failed');
    $ids = array_merge($ids, array_column($page['value'], 'id'));
    $url = $page['@odata.nextLink'] ?? null;
}
$exported = array_values(array_filter($t->http('GET', $t->graph . "$mb/mailFolders?\$top=100", $h)['json']['value'],
    fn ($f) => $f['displayName'] === 'Exported'))[0]['id'];
$next = 0;
$take = function (int $k) use (&$next, $ids): array {
    $out = array_slice($ids, $next, $k);
    $next += $k;
    return $out;
};
$batch = function (array $members) use ($t, $json): void {
    $r = $t->http('POST', $t->graph . '/$batch', $json, json_encode(['requests' => $members]));
    if ($r['status'] !== 200) {
        throw new RuntimeException("batch: HTTP {$r['status']}");
    }
};
$members = fn (array $ids, string $suffix, array $extra = []) => array_map(fn ($i, $id) => ['id' => (string) ($i + 1),
    'method' => $extra === [] ? 'GET' : 'POST', 'url' => "$mb/messages/" . rawurlencode($id) . $suffix] + $extra,
    array_keys($ids), $ids);

printf("%d mock processes (dispatcher + backends); machine: %s cores, %s\n\n", count($pids), trim((string) shell_exec('nproc')),
    trim((string) preg_replace('/^.*:\s*/', '', (string) shell_exec("grep -m1 'model name' /proc/cpuinfo"))));
printf("%-36s %12s %14s %12s\n", 'request', 'mock CPU ms', 'dispatcher ms', 'wall ms');
$measure = function (string $name, int $reps, callable $fn) use ($pids): void {
    $c0 = cpu_ms($pids);
    $d0 = cpu_ms([$pids[0]]);
    $w0 = microtime(true);
    for ($i = 0; $i < $reps; $i++) {
        $fn($i);
    }
    printf("%-36s %12.2f %14.2f %12.2f\n", $name, (cpu_ms($pids) - $c0) / $reps, (cpu_ms([$pids[0]]) - $d0) / $reps,
        (microtime(true) - $w0) * 1000 / $reps);
};
$measure('token (client credentials)', 20, fn () => $t->clientCredentialsToken(BENCH_TENANT, BENCH_CLIENT, BENCH_SECRET));
$measure('folders', 20, fn () => $t->http('GET', $t->graph . "$mb/mailFolders?\$top=100", $h));
$measure('list $top=100 $select $orderby', 10, fn ($i) => $t->http('GET', $t->graph . "$mb/mailFolders/inbox/messages?\$top=100&\$skip="
    . (100 * $i) . '&$select=id,subject,receivedDateTime,hasAttachments&$orderby=receivedDateTime%20asc', $h));
$measure('$value (20 KB text + 100 KB PDF)', 50, fn () => $t->http('GET', $t->graph . "$mb/messages/" . rawurlencode($take(1)[0]) . '/$value', $h));
$measure('attachments with contentBytes', 50, fn () => $t->http('GET', $t->graph . "$mb/messages/" . rawurlencode($take(1)[0]) . '/attachments', $h));
$measure('attachments, gzip', 50, fn () => $t->http('GET', $t->graph . "$mb/messages/" . rawurlencode($take(1)[0]) . '/attachments',
    array_merge($h, ['Accept-Encoding: gzip'])));
$measure('$batch of 20 $value (per batch)', 5, fn () => $batch($members($take(20), '/$value')));
$measure('$batch of 20 attachments (per batch)', 5, fn () => $batch($members($take(20), '/attachments')));
$measure('move', 50, fn () => $t->http('POST', $t->graph . "$mb/messages/" . rawurlencode($take(1)[0]) . '/move', $json,
    json_encode(['destinationId' => $exported])));
$measure('$batch of 20 moves (per batch)', 5, fn () => $batch($members($take(20), '/move',
    ['headers' => ['Content-Type' => 'application/json'], 'body' => ['destinationId' => $exported]])));
$t->stop();
