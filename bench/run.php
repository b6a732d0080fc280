<?php
// sqzgraph import benchmark: the extension against a plain-PHP importer on the
// bundled mock tenant with injected latency. Prints ratios; asserts nothing.
//   php bench/run.php [--messages N] [--latency-ms MS] [--rounds R]
declare(strict_types=1);

$opt = getopt('', ['messages:', 'latency-ms:', 'rounds:']);
$n = (int) ($opt['messages'] ?? 1000);
$latency = (int) ($opt['latency-ms'] ?? 20);
$rounds = (int) ($opt['rounds'] ?? 3);
$root = dirname(__DIR__);
require "$root/tests/mock-tenant/server.inc";

$ext = "$root/modules/sqzgraph.so";
if (!is_file($ext)) {
    fwrite(STDERR, "build first: bash scripts/build.sh\n");
    exit(1);
}
$tenant = 'f4e5d6c7-1111-4222-8333-944455566677';
$client = '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e';
$secret = 'Daemon~secret-1.Fabrikam';
$mailbox = 'invoices@fabrikam.example';

function seed(int $n): array
{
    // shared.php sets variables of its own: load it before ours.
    $shared = require dirname(__DIR__) . '/tests/mock-tenant/seeds/shared.php';
    $t = strtotime('2024-03-01T08:00:00Z');
    $messages = [];
    for ($i = 1; $i <= $n; $i++) {
        $messages[] = ['subject' => sprintf('Bench invoice %05d', $i), 'received' => $t + $i * 60,
            'body' => str_repeat("Invoice line item, amount due, thank you for your business.\r\n", 300),
            'attachments' => [['name' => sprintf('bench-%05d.pdf', $i), 'content_type' => 'application/pdf', 'size' => 100 * 1024]]];
    }
    $shared['tenants'][0]['users'][2]['messages'] = $messages;
    return $shared;
}

$t = MockTenant::start([], ['latency_ms' => 0]);
$seed = seed($n);
echo "sqzgraph import benchmark: $n messages, {$latency} ms latency per HTTP request, $rounds rounds\n";
echo "machine: " . php_uname('m') . ', ' . trim((string) shell_exec('nproc')) . " cores, PHP " . PHP_VERSION . "\n\n";

function one(MockTenant $t, array $seed, int $latency, array $cmd): array
{
    $t->reset($seed);
    $t->setLatency($latency);
    $t->clearRequests();
    $dir = sys_get_temp_dir() . '/sqz-bench-' . bin2hex(random_bytes(4));
    mkdir("$dir/out", 0777, true);
    $cmd = array_map(fn ($a) => str_replace('{DIR}', $dir, $a), $cmd);
    $t0 = microtime(true);
    $out = shell_exec(implode(' ', array_map('escapeshellarg', $cmd)) . ' 2>&1');
    $seconds = microtime(true) - $t0;
    $requests = count($t->requests());
    $result = json_decode(trim((string) $out), true);
    shell_exec('rm -rf ' . escapeshellarg($dir));
    if (!is_array($result)) {
        throw new RuntimeException("run failed: $out");
    }
    return ['seconds' => $seconds, 'requests' => $requests] + $result;
}

$args = [$t->authority, $t->graph, $tenant, $client, $secret, $mailbox, '{DIR}/out'];
$runs = ['baseline' => [], 'extension' => []];
for ($r = 1; $r <= $rounds; $r++) {
    $runs['baseline'][] = $b = one($t, $seed, $latency, array_merge([PHP_BINARY, __DIR__ . '/baseline.php'], $args));
    $runs['extension'][] = $e = one($t, $seed, $latency, array_merge([PHP_BINARY, '-d', "extension=$ext", __DIR__ . '/extension.php'], $args, ['{DIR}/store']));
    printf("round %d: baseline %.2f s (%d requests), extension %.2f s (%d requests, %d imported)\n",
        $r, $b['seconds'], $b['requests'], $e['seconds'], $e['requests'], $e['imported']);
}
$median = function (array $list, string $k) {
    $v = array_column($list, $k);
    sort($v);
    return $v[intdiv(count($v), 2)];
};
$bound = (2 + ceil($n / 1000) + ceil(2 * $n / 80) + ceil($n / 80)) * $latency / 1000;
$bs = $median($runs['baseline'], 'seconds');
$es = $median($runs['extension'], 'seconds');
printf("\n%-28s %12s %12s\n", '', 'baseline', 'extension');
printf("%-28s %12.2f %12.2f\n", 'wall seconds (median)', $bs, $es);
printf("%-28s %12d %12d\n", 'HTTP requests', $median($runs['baseline'], 'requests'), $median($runs['extension'], 'requests'));
printf("%-28s %12.2f %12.2f\n", 'requests per message', $median($runs['baseline'], 'requests') / $n, $median($runs['extension'], 'requests') / $n);
printf("%-28s %12d %12d\n", 'peak RSS (KB)', $median($runs['baseline'], 'peak_rss_kb'), $median($runs['extension'], 'peak_rss_kb'));
printf("\nbaseline/extension = %.2f   (target >= 5)\n", $bs / $es);
printf("extension/bound    = %.2f   (target <= 1.3; bound = %.2f s = %d round trips)\n", $es / $bound, $bound, (int) round($bound * 1000 / max(1, $latency)));
$t->stop();
