<?php
// sqzgraph import benchmark (issue 7): Importer::run() against a plain-PHP importer on the bundled
// mock tenant with injected latency. Prints figures and ratios; asserts nothing but that both
// importers did the whole job.
//   php bench/run.php [--messages N] [--latency-ms MS] [--rounds R] [--only baseline|extension] [--before SO] [--bare]
// --before SO adds a column "before": the same extension run with another build (a copy of an older
// sqzgraph.so), alternating with the others round by round.
// --bare runs each importer with `php -n` and only the extension it needs (curl for the baseline,
// sqzgraph for the others): what a dedicated worker loads, and peak RSS figures that do not depend on
// this machine's php.ini (which loads 30 extensions: 5 MB before any work).
// --fixed-layout runs the importers with address space randomization off (`setarch -R`): the kernel
// maps code in 64 KB windows around each page fault, so where the libraries land changes a process's RSS
// by up to ±0.25 MB from one start to the next (the same build: 19.8–20.3 MB at PHP's start here,
// 19.87 MB every time with the layout fixed). For comparing builds; Squeeze runs with it on.
declare(strict_types=1);

$opt = getopt('', ['messages:', 'latency-ms:', 'rounds:', 'only:', 'before:', 'bare', 'fixed-layout']);
$n = max(1, (int) ($opt['messages'] ?? 1000));
$latency = max(0, (int) ($opt['latency-ms'] ?? 20));
$rounds = max(1, (int) ($opt['rounds'] ?? 3));
$only = $opt['only'] ?? null;
$root = dirname(__DIR__);
require "$root/tests/mock-tenant/server.inc";
require __DIR__ . '/workload.inc';

$ext = bench_extension();
$cpu = trim((string) preg_replace('/^.*:\s*/', '', (string) shell_exec("grep -m1 'model name' /proc/cpuinfo")));
echo "sqzgraph import benchmark: $n messages (20 KB text + 100 KB PDF each), {$latency} ms latency per HTTP request, $rounds round(s)"
    . (isset($opt['bare']) ? ', php -n' : '') . (isset($opt['fixed-layout']) ? ', fixed layout (setarch -R)' : '') . "\n";
echo 'machine: ' . php_uname('m') . ', ' . trim((string) shell_exec('nproc')) . " cores ($cpu), PHP " . PHP_VERSION . ', '
    . trim((string) shell_exec('git -C ' . escapeshellarg($root) . ' log -1 --format=%h 2>/dev/null')) . "\n\n";

$t = MockTenant::start([], ['latency_ms' => 0]);
$seed = bench_seed($n);

/**
 * Removes a round's files when the benchmark ends, not before the next round: ext4 without a journal
 * (this VM's root file system) steps over the inodes freed in the last 60 seconds, one by one, each time
 * it allocates one: with the 3000 files of the round before removed, `recently_deleted` under `openat` and
 * `mkdir` was a fifth of the importer's CPU (`perf`), and the system CPU of 4 rounds had medians of 1.57
 * and 2.22 s against 1.18 and 1.29 s with the files removed at the end. A Squeeze host keeps what its
 * handlers save. About 0.25 GB a round at 1000 messages.
 */
function bench_remove_later(string $dir): void
{
    static $dirs = null;
    if ($dirs === null) {
        $dirs = new ArrayObject();
        register_shutdown_function(function () use ($dirs): void {
            foreach ($dirs as $d) {
                shell_exec('rm -rf ' . escapeshellarg($d));
            }
        });
    }
    $dirs[] = $dir;
}

/**
 * One import from a fresh tenant. The importer runs as a child process (its own peak RSS) and
 * prints {"imported", "failed"?, "peak_rss_kb"}; the request log gives the HTTP requests.
 * @param list<string> $cmd with {DIR} for the run's directory
 * @return array<string, mixed>
 */
function bench_one(MockTenant $t, array $seed, int $n, int $latency, array $cmd): array
{
    $s = microtime(true);
    $t->reset($seed);
    $seedSeconds = microtime(true) - $s;
    $t->setLatency($latency);
    $t->clearRequests();
    $t->resetMaxInFlight();
    $dir = sys_get_temp_dir() . '/sqz-bench-' . getmypid() . '-' . bin2hex(random_bytes(4));
    mkdir("$dir/out", 0777, true);
    $cmd = array_map(fn ($a) => str_replace('{DIR}', $dir, $a), $cmd);
    $mockCpu0 = $t->cpuSeconds();
    $t0 = microtime(true);
    $out = shell_exec(implode(' ', array_map('escapeshellarg', $cmd)) . ' 2>&1');
    $seconds = microtime(true) - $t0;
    $mockCpu = $t->cpuSeconds() - $mockCpu0;
    $t->setLatency(0);
    $log = $t->requests();
    $result = json_decode(trim((string) $out), true);
    $emls = count(glob("$dir/out/*/message.eml") ?: []);
    $files = count(glob("$dir/out/*/*") ?: []) - $emls;
    bench_remove_later($dir);
    if (!is_array($result)) {
        throw new RuntimeException("the importer failed: $out");
    }
    // A fast wrong importer is no result: every message saved, with its attachment, none failed.
    if ($result['imported'] !== $n || ($result['failed'] ?? 0) !== 0 || $emls !== $n || $files !== $n) {
        throw new RuntimeException("incomplete import: imported {$result['imported']}, failed " . ($result['failed'] ?? 0)
            . ", $emls MIME files, $files attachment files of $n");
    }
    $throttled = 0;
    $members = 0;
    $bytes = 0;
    foreach ($log as $e) {
        $bytes += (int) ($e['bytes'] ?? 0);
        $throttled += (int) ($e['status'] === 429);
        foreach ($e['members'] as $m) {
            $members++;
            $throttled += (int) ($m['status'] === 429);
        }
    }
    return ['seconds' => $seconds, 'requests' => count($log), 'members' => $members, 'throttled' => $throttled,
        'max_inflight' => $t->maxInFlight(BENCH_MAILBOX), 'seed_seconds' => $seedSeconds, 'mock_cpu' => $mockCpu,
        'kb_per_message' => $bytes / 1024 / $n, 'growth_kb' => $result['peak_rss_kb'] - ($result['start_rss_kb'] ?? 0)] + $result;
}

$args = [$t->authority, $t->graph, BENCH_TENANT, BENCH_CLIENT, BENCH_SECRET, BENCH_MAILBOX, '{DIR}/out'];
$bare = isset($opt['bare']) ? ['-n'] : [];
$cmds = [
    'baseline' => array_merge([PHP_BINARY], $bare, $bare ? ['-d', 'extension=curl'] : [], [__DIR__ . '/baseline.php'], $args),
    'extension' => array_merge([PHP_BINARY], $bare, ['-d', "extension=$ext", __DIR__ . '/extension.php'], $args, ['{DIR}/store']),
];
if ($only !== null) {
    $cmds = array_intersect_key($cmds, [$only => true]);
}
if (isset($opt['before'])) {
    $cmds = ['before' => array_merge([PHP_BINARY], $bare, ['-d', 'extension=' . $opt['before'], __DIR__ . '/extension.php'], $args, ['{DIR}/store'])]
        + $cmds;
}
if (isset($opt['fixed-layout'])) {
    if (trim((string) shell_exec('setarch -R true 2>&1 && echo ok')) !== 'ok') {
        fwrite(STDERR, "--fixed-layout needs setarch (util-linux) and a kernel that lets it turn randomization off\n");
        exit(1);
    }
    $cmds = array_map(fn ($c) => array_merge(['setarch', '-R'], $c), $cmds);
}
$runs = array_fill_keys(array_keys($cmds), []);
for ($r = 1; $r <= $rounds; $r++) {
    foreach ($cmds as $name => $cmd) {    // alternately, so drift of the machine's load hits both
        $x = $runs[$name][] = bench_one($t, $seed, $n, $latency, $cmd);
        printf("round %d %-9s %8.2f s  %5d requests (%4d batch members)  %d throttled  max in flight %d  peak RSS %6d KB (+%d)  CPU %.2f s (sys %.2f, mock %.2f s)  %.1f KB/message  (seeding %.1f s)\n",
            $r, $name, $x['seconds'], $x['requests'], $x['members'], $x['throttled'], $x['max_inflight'], $x['peak_rss_kb'], $x['growth_kb'],
            $x['cpu_seconds'], $x['sys_seconds'] ?? NAN, $x['mock_cpu'], $x['kb_per_message'], $x['seed_seconds']);
    }
}
$t->stop();

$median = function (string $name, string $k) use ($runs): float {
    $v = array_column($runs[$name] ?? [], $k);
    if ($v === []) {
        return NAN;
    }
    sort($v);
    $mid = intdiv(count($v), 2);
    return count($v) % 2 === 1 ? (float) $v[$mid] : ($v[$mid - 1] + $v[$mid]) / 2;
};
$cols = array_keys($cmds);
printf("\n%-28s" . str_repeat(' %12s', count($cols)) . "\n", 'median of ' . $rounds, ...$cols);
foreach ([['wall seconds', 'seconds', '%12.2f'], ['HTTP requests', 'requests', '%12.0f'], ['batch members', 'members', '%12.0f'],
    ['requests per message', null, '%12.3f'], ['throttled (429)', 'throttled', '%12.0f'], ['max in flight', 'max_inflight', '%12.0f'],
    ['peak RSS (KB)', 'peak_rss_kb', '%12.0f'], ['  at start (KB)', 'start_rss_kb', '%12.0f'], ['  peak - start (KB)', 'growth_kb', '%12.0f'], ['importer CPU seconds', 'cpu_seconds', '%12.2f'],
    ['  of which system', 'sys_seconds', '%12.2f'],
    ['mock tenant CPU seconds', 'mock_cpu', '%12.2f'], ['KB per message (before gzip)', 'kb_per_message', '%12.1f']] as [$label, $k, $f]) {
    printf('%-28s', $label);
    foreach ($cols as $c) {
        printf(' ' . $f, $k === null ? $median($c, 'requests') / $n : $median($c, $k));
    }
    echo "\n";
}
$bound = (2 + ceil($n / 1000) + ceil(2 * $n / 80) + ceil($n / 80)) * $latency / 1000;
$bs = $median('baseline', 'seconds');
$es = $median('extension', 'seconds');
echo "\n";
if (!is_nan($bs) && !is_nan($es)) {
    printf("baseline/extension = %.2f   (target >= 5)\n", $bs / $es);
}
if (!is_nan($es) && $bound > 0) {
    printf("extension/bound    = %.2f   (target <= 1.3; bound = %.2f s = %d round trips of %d ms)\n", $es / $bound, $bound,
        (int) round($bound * 1000 / $latency), $latency);
}
if (!is_nan($es) && !is_nan($bs)) {
    printf("requests per message: extension %.3f vs baseline %.3f (target: fewer)\n",
        $median('extension', 'requests') / $n, $median('baseline', 'requests') / $n);
}
