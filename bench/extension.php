<?php
// The same job with sqzgraph: Importer::run() and a handler that does what
// Squeeze does — saveMime() to a file and save() of every attachment.
//   php -d extension=... extension.php AUTHORITY GRAPH TENANT CLIENT_ID SECRET MAILBOX TARGET_DIR STORE_DIR
declare(strict_types=1);

$startRss = getrusage()['ru_maxrss'];    // PHP with its extensions, before any work
[, $authority, $graph, $tenant, $clientId, $secret, $mailbox, $target, $storeDir] = $argv;
$config = new SqzGraph\Config(['flow' => 'client_credentials', 'tenant_id' => $tenant, 'client_id' => $clientId,
    'client_secret' => $secret, 'mailbox' => $mailbox, 'authority' => $authority, 'graph_endpoint' => $graph]);
$store = new SqzGraph\FileStore($storeDir);
$mailboxObj = new SqzGraph\Mailbox(new SqzGraph\Authenticator($config, $store));
$importer = new SqzGraph\Importer($mailboxObj, $store, ['max_messages' => 100000]);
$report = $importer->run(function (SqzGraph\Message $m) use ($target) {
    $dir = "$target/" . md5($m->id);
    @mkdir($dir, 0777, true);
    $m->saveMime("$dir/message.eml");
    foreach ($m->attachments() as $a) {
        if ($a->kind !== 'reference') {
            $a->save("$dir/" . md5($a->id));
        }
    }
});
echo json_encode(['imported' => $report->imported, 'failed' => $report->failed, 'peak_rss_kb' => getrusage()['ru_maxrss'],
    'start_rss_kb' => $startRss,
    'cpu_seconds' => (fn ($u) => $u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec'] + ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) / 1e6)(getrusage()),
    'sys_seconds' => (fn ($u) => $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6)(getrusage())]), "\n";
