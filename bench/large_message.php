<?php
// One 50 MB message (a 36.5 MiB PDF: ≈ 50 MiB of MIME) against the mock tenant: the peak RSS growth
// (VmHWM) of Mailbox::saveMime() and of an Importer::run() whose handler saves the MIME and the
// attachment — target < 8 MB each (issue 7). Each measurement runs in its own process.
//   php bench/large_message.php [--latency-ms MS]
declare(strict_types=1);

$root = dirname(__DIR__);
$ext = "$root/modules/sqzgraph.so";
const BIG_PDF = 36 * 1048576 + 524288;    // base64 and line breaks make ≈ 50 MiB of MIME of it

if (($argv[1] ?? '') === '--child') {
    // php -d extension=... large_message.php --child MODE AUTHORITY GRAPH DIR
    [, , $mode, $authority, $graph, $dir] = $argv;
    require __DIR__ . '/workload.inc';
    $hwm = function (): int {
        preg_match('/^VmHWM:\s+(\d+) kB/m', (string) file_get_contents('/proc/self/status'), $m);
        return (int) $m[1] * 1024;
    };
    $config = new SqzGraph\Config(['flow' => 'client_credentials', 'tenant_id' => BENCH_TENANT, 'client_id' => BENCH_CLIENT,
        'client_secret' => BENCH_SECRET, 'mailbox' => BENCH_MAILBOX, 'authority' => $authority, 'graph_endpoint' => $graph]);
    $store = new SqzGraph\FileStore("$dir/store");
    $mailbox = new SqzGraph\Mailbox(new SqzGraph\Authenticator($config, $store));
    $bytes = 0;
    if ($mode === 'saveMime') {
        $ids = [];
        foreach ($mailbox->messages($mailbox->resolveFolder('Inbox')->id) as $m) {
            $ids[$m->subject] = $m->id;
        }
        $mailbox->saveMime($ids['Warm-up'], "$dir/warm-up.eml");    // the first transfer's buffers are not the message's
    } else {
        $importer = new SqzGraph\Importer($mailbox, $store, ['max_messages' => 100]);
    }
    // Reset the RSS high-water mark (Linux >= 4.0) so that VmHWM measures what follows only.
    $reset = @file_put_contents('/proc/self/clear_refs', '5') !== false;
    $hwm0 = $hwm();
    $peak0 = memory_get_peak_usage();
    $t0 = microtime(true);
    if ($mode === 'saveMime') {
        $bytes = $mailbox->saveMime($ids['Fifty megabytes'], "$dir/big.eml");
    } else {
        $report = $importer->run(function (SqzGraph\Message $m) use ($dir, &$bytes) {
            $bytes += $m->saveMime("$dir/" . md5($m->id) . '.eml');
            foreach ($m->attachments() as $a) {
                if ($a->kind !== 'reference') {
                    $bytes += $a->save("$dir/" . md5($a->id));
                }
            }
        });
        if ($report->imported !== 2 || $report->failed !== 0) {
            fwrite(STDERR, "import: {$report->imported} imported, {$report->failed} failed\n");
            exit(1);
        }
    }
    echo json_encode(['seconds' => microtime(true) - $t0, 'bytes' => $bytes, 'hwm_growth' => $hwm() - $hwm0,
        'hwm_reset' => $reset, 'php_peak_growth' => memory_get_peak_usage() - $peak0, 'rss_peak' => $hwm()]), "\n";
    exit(0);
}

$opt = getopt('', ['latency-ms:']);
$latency = max(0, (int) ($opt['latency-ms'] ?? 20));
if (!is_file($ext)) {
    fwrite(STDERR, "build first: bash scripts/build.sh\n");
    exit(1);
}
require "$root/tests/mock-tenant/server.inc";
require __DIR__ . '/workload.inc';
$seed = bench_seed(2);
$users = &$seed['tenants'][0]['users'];
$k = array_search(BENCH_MAILBOX, array_column($users, 'upn'), true);
$users[$k]['messages'][0]['subject'] = 'Warm-up';
$users[$k]['messages'][1]['subject'] = 'Fifty megabytes';
$users[$k]['messages'][1]['attachments'][0]['size'] = BIG_PDF;
unset($users);

$t = MockTenant::start([]);
echo "sqzgraph large message: one message of ≈ 50 MiB of MIME (a " . round(BIG_PDF / 1048576, 1) . " MiB PDF), {$latency} ms latency\n";
echo 'machine: ' . php_uname('m') . ', ' . trim((string) shell_exec('nproc')) . ' cores, PHP ' . PHP_VERSION . "\n\n";
foreach (['saveMime' => 'Mailbox::saveMime() of the message', 'import' => 'Importer::run(): saveMime() + save() of its PDF'] as $mode => $label) {
    $t->reset($seed);
    $t->setLatency($latency);
    $dir = sys_get_temp_dir() . '/sqz-large-' . getmypid() . '-' . bin2hex(random_bytes(4));
    mkdir($dir, 0700, true);
    $out = shell_exec(implode(' ', array_map('escapeshellarg', [PHP_BINARY, '-d', "extension=$ext", __FILE__, '--child', $mode,
        $t->authority, $t->graph, $dir])) . ' 2>&1');
    $size = $mode === 'saveMime' && is_file("$dir/big.eml") ? filesize("$dir/big.eml") : null;
    shell_exec('rm -rf ' . escapeshellarg($dir));
    $r = json_decode(trim((string) $out), true);
    if (!is_array($r)) {
        fwrite(STDERR, "$mode failed: $out\n");
        exit(1);
    }
    printf("%-50s %6.1f MiB in %5.2f s   peak RSS growth %6.2f MB%s   PHP peak growth %5.2f MB   (target < 8 MB: %s)\n",
        $label, $r['bytes'] / 1048576, $r['seconds'], $r['hwm_growth'] / 1e6, $r['hwm_reset'] ? '' : ' (VmHWM not reset)',
        $r['php_peak_growth'] / 1e6, $r['hwm_growth'] < 8e6 ? 'met' : 'MISSED');
}
$t->stop();
