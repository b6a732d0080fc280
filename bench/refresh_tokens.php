<?php
// refresh-tokens benchmark: `sqzgraph refresh-tokens` over N delegated mailbox
// configs whose access tokens have expired, one after another (--parallel 1)
// against worker processes (--parallel P), on the bundled mock tenant with
// injected latency. Prints the ratio; asserts nothing.
//   php bench/refresh_tokens.php [--configs N] [--latency-ms MS] [--parallel P] [--rounds R]
declare(strict_types=1);

$opt = getopt('', ['configs:', 'latency-ms:', 'parallel:', 'rounds:']);
$n = (int) ($opt['configs'] ?? 500);
$latency = (int) ($opt['latency-ms'] ?? 20);
$parallel = (int) ($opt['parallel'] ?? 8);
$rounds = (int) ($opt['rounds'] ?? 1);
$root = dirname(__DIR__);
require "$root/tests/mock-tenant/server.inc";

$ext = "$root/modules/sqzgraph.so";
if (!is_file($ext)) {
    fwrite(STDERR, "build first: bash scripts/build.sh\n");
    exit(1);
}
if (!extension_loaded('sqzgraph')) {
    // the set-up below uses the extension too
    passthru(implode(' ', array_map('escapeshellarg', array_merge([PHP_BINARY, '-d', "extension=$ext", __FILE__], array_slice($argv, 1)))), $rc);
    exit($rc);
}
$tenant = '7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11';   // seeds/_contoso.php (the sample seed)
$client = '3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c';
$secret = 'Sq~mock-secret-1.Contoso';
$redirect = 'http://127.0.0.1:8123/api/v2/importers/email/authenticate/end';

$t = MockTenant::start('sample', ['latency_ms' => 0]);
$work = sys_get_temp_dir() . '/sqz-bench-refresh-' . bin2hex(random_bytes(4));
mkdir("$work/conf.d", 0700, true);
register_shutdown_function(fn () => shell_exec('rm -rf ' . escapeshellarg($work)));
echo "sqzgraph refresh-tokens benchmark: $n delegated mailbox configs, {$latency} ms latency per HTTP request, --parallel $parallel\n";
echo 'machine: ' . php_uname('m') . ', ' . trim((string) shell_exec('nproc')) . ' cores, PHP ' . PHP_VERSION . "\n\n";

// one real sign-in; its refresh token is imported into every mailbox's store
// (the mock keeps rotated refresh tokens valid, as Microsoft does)
$options = ['flow' => 'delegated', 'tenant_id' => $tenant, 'client_id' => $client, 'client_secret' => $secret,
    'redirect_uri' => $redirect, 'authority' => $t->authority, 'graph_endpoint' => $t->graph];
$first = new SqzGraph\FileStore("$work/first");
$auth = new SqzGraph\Authenticator(new SqzGraph\Config($options), $first);
$t->setAutoConsent(true);
parse_str((string) parse_url($t->authorizeAuto($auth->beginAuthorization(['login_hint' => 'admin@contoso.example'])['url']), PHP_URL_QUERY), $q);
$auth->completeAuthorization($q);
$record = json_decode((string) $first->get('token'), true);
$files = [];
for ($i = 1; $i <= $n; $i++) {
    $name = sprintf('mailbox-%04d', $i);
    $ini = "[sqzgraph]\n";
    foreach ($options + ['store_dir' => "$work/stores/$name"] as $k => $v) {
        $ini .= "$k = $v\n";
    }
    file_put_contents($files[] = "$work/conf.d/$name.ini", $ini);
    chmod("$work/conf.d/$name.ini", 0600);
}

/** Every mailbox's access token expired a minute ago (the state the cron job finds). */
function expire_all(array $options, string $work, int $n, array $record): void
{
    $config = new SqzGraph\Config($options);
    for ($i = 1; $i <= $n; $i++) {
        $a = new SqzGraph\Authenticator($config, new SqzGraph\FileStore(sprintf('%s/stores/mailbox-%04d', $work, $i)));
        $a->importToken(['access_token' => $record['access_token'], 'refresh_token' => $record['refresh_token'],
            'expires' => time() - 60], 'UTC');
    }
}

function one(MockTenant $t, array $cmd, int $n): array
{
    $t->clearRequests();
    $t0 = microtime(true);
    exec(implode(' ', array_map('escapeshellarg', $cmd)) . ' 2>&1', $lines, $rc);
    $seconds = microtime(true) - $t0;
    $log = $t->requests();
    $tokens = array_filter($log, fn ($r) => str_ends_with($r['target'], '/oauth2/v2.0/token'));
    $refreshed = count(preg_grep('/: refreshed \(expires /', $lines));
    if ($rc !== 0 || $refreshed !== $n) {
        throw new RuntimeException("refresh-tokens exit $rc, $refreshed of $n refreshed:\n" . implode("\n", array_slice($lines, 0, 5)));
    }
    return ['seconds' => $seconds, 'token_requests' => count($tokens), 'status_429' => count(array_filter($log, fn ($r) => $r['status'] === 429))];
}

$t->setLatency($latency);
$cli = [PHP_BINARY, '-d', "extension=$ext", "$root/scripts/sqzgraph", 'refresh-tokens', '--config-dir', "$work/conf.d"];
$runs = ['sequential' => [], 'parallel' => []];
for ($r = 1; $r <= $rounds; $r++) {
    foreach (['sequential' => 1, 'parallel' => $parallel] as $kind => $p) {
        expire_all($options, $work, $n, $record);
        $runs[$kind][] = $x = one($t, array_merge($cli, ['--parallel', (string) $p]), $n);
        printf("round %d %-10s --parallel %-2d %7.2f s, %d token requests, %d answered 429\n", $r, $kind, $p,
            $x['seconds'], $x['token_requests'], $x['status_429']);
    }
}
$median = function (array $list): float {
    $v = array_column($list, 'seconds');
    sort($v);
    $k = intdiv(count($v), 2);
    return count($v) % 2 ? $v[$k] : ($v[$k - 1] + $v[$k]) / 2;
};
$s = $median($runs['sequential']);
$p = $median($runs['parallel']);
printf("\nsequential %.2f s (%.1f ms per mailbox), parallel %.2f s: sequential/parallel = %.2f (target >= 4)\n", $s, 1000 * $s / $n, $p, $s / $p);
