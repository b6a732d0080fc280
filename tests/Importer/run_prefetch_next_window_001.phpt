--TEST--
Importer::run(): the next window of 60 messages is fetched ahead while the handlers of the current one run (its $batches start before the 60th handler and are done before the 61st), and the moves of the window before go with it, with one request of the mailbox's concurrency left to the handlers; every message is imported once, in the Inbox's order, from the prefetched files; never more than 4 requests in flight; the logger gets one line per $batch, the worker's too; a run stopped by a handler while a window is being fetched ahead ends, and leaves no temporary directory
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/prefetch.inc';

function add_bulk(ImFixture $f, int $count): void
{
    for ($i = 1; $i <= $count; $i++) {
        im_add($f, sprintf('Bulk %03d', $i), ['attachments' => [['name' => "b$i.pdf", 'content_type' => 'application/pdf', 'size' => 3000]]]);
    }
}

echo "--- 150 messages, 300 ms per request, a handler of 15 ms\n";
$f = im_start('basic');
$tmp = pf_private_tmp($f);
add_bulk($f, 145);
$f->t->setLatency(300);
$since = im_seq($f);
$started = [];
$save = pf_handler($f);
$lines = [];
$logger = function (string $level, string $message, array $context) use (&$lines) {
    $lines[] = "$level $message";
};
$r = im_importer($f, [], $logger)->run(function (SqzGraph\Message $m) use ($save, &$started) {
    $started[] = [microtime(true), $m->subject];
    usleep(15000);
    $save($m);
});
im_report($f, $r, false);
echo 'handlers in the order of the report: ', json_encode(array_column($started, 1) === array_column($r->items, 'subject')), "\n";
echo 'handler calls: ', count($started), "\n";

$g = pf_graph($f, $since);
$prefetch = array_values(array_filter($g, fn ($x) => $x['members'] !== [] && str_contains($x['members'][0]['target'], '/$value')));
usort($prefetch, fn ($a, $b) => ($a['ts'] - $a['ms'] / 1000) <=> ($b['ts'] - $b['ms'] / 1000));
$windows = [];
foreach ($prefetch as $x) {
    $windows[] = count($x['members']);
}
echo 'prefetch $batches (members each, by start): ', json_encode($windows), "\n";
// Windows: 1-60 fetched before its handlers (6 batches); 61-120 and 121-150 fetched ahead.
$start = fn ($x) => $x['ts'] - $x['ms'] / 1000;
$second = array_slice($prefetch, 6, 6);
$third = array_slice($prefetch, 12);
echo 'window 2 fetched while window 1 was handled: ',
    json_encode(min(array_map($start, $second)) < $started[59][0]), "\n";
echo 'window 2 sent after window 1 was fetched: ', json_encode(min(array_map($start, $second)) >= max(array_column(array_slice($prefetch, 0, 6), 'ts')) - 0.001), "\n";
echo 'window 2 complete before its first handler: ', json_encode(max(array_column($second, 'ts')) <= $started[60][0]), "\n";
echo 'window 3 fetched while window 2 was handled: ', json_encode(min(array_map($start, $third)) < $started[119][0]), "\n";
// Where the moved messages are: a listing of the Inbox over each set's receivedDateTime span (window 1's: the first).
$checks = array_values(array_filter($g, fn ($x) => $x['method'] === 'GET' && im_is_location_listing($x['target'])));
usort($checks, fn ($a, $b) => $start($a) <=> $start($b));
$moves = array_values(array_filter($g, fn ($x) => $x['members'] !== [] && $x['members'][0]['method'] === 'POST'));
echo 'location listings: ', count($checks), ', location GETs in $batches: ', count(array_filter(array_merge(...array_column($g, 'members')),
    fn ($m) => str_contains(rawurldecode($m['target']), 'parentFolderId'))), "\n";
echo 'the moves of window 1 (check listing + move $batches) sent while window 2 was handled: ',
    json_encode(min(array_map($start, $checks)) > $started[59][0] && $checks[0]['ts'] <= min(array_map($start, array_slice($moves, 0, 3))) + 0.001
        && max(array_column(array_slice($moves, 0, 3), 'ts')) < $started[119][0]), "\n";
echo 'most in flight at once: ', pf_max_in_flight($g), "\n";
echo 'most in flight as the mock counted its mailbox slots: ', $f->t->maxInFlight(IM_ADMIN), "\n";
echo 'answered 429: ', count(array_filter($g, fn ($x) => $x['status'] === 429)), "\n";
echo 'handler downloads that went to Graph: ', count(array_filter($g, fn ($x) => str_contains($x['target'], '/$value')
    || str_contains($x['target'], '/attachments'))), "\n";
$batchLines = array_filter($lines, fn ($l) => preg_match('~^debug POST \S*/\$batch -> 200 ~', $l) === 1);
echo 'logger lines of $batch requests: ', count($batchLines), ' for ', count(array_filter($g, fn ($x) => $x['members'] !== [])), " \$batch requests\n";
$f->t->setLatency(0);
$mb = im_mailbox($f);
$same = 0;
foreach ($r->items as $it) {
    $mb->saveMime($it['id'], "{$f->dir}/streamed.eml");
    $same += (int) (file_get_contents("{$f->dir}/out/" . im_label($it['subject']) . '/message.eml') === file_get_contents("{$f->dir}/streamed.eml"));
}
echo "MIME files byte for byte what Graph serves: $same\n";
echo 'temporary directory after the run: ', json_encode(pf_tmp_files($tmp)), "\n";

echo "--- stopped by a handler while the next window is fetched ahead\n";
$f = im_start('basic');
$tmp = pf_private_tmp($f);
add_bulk($f, 95);
$f->t->setLatency(300);
$calls = 0;
try {
    im_importer($f)->run(function (SqzGraph\Message $m) use (&$calls) {
        if (++$calls === 3) {
            throw new SqzGraph\StoreException('the document store is full');
        }
    });
    echo "no exception\n";
} catch (SqzGraph\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo "handler calls: $calls\n";
echo 'still in the Inbox: ', count($f->t->messagesIn(IM_ADMIN, 'Inbox')), "\n";
echo 'temporary directory after the run: ', json_encode(pf_tmp_files($tmp)), "\n";
?>
--EXPECT--
--- 150 messages, 300 ms per request, a handler of 15 ms
imported=150 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
handlers in the order of the report: true
handler calls: 150
prefetch $batches (members each, by start): [20,20,20,20,20,20,20,20,20,20,20,20,20,20,20]
window 2 fetched while window 1 was handled: true
window 2 sent after window 1 was fetched: true
window 2 complete before its first handler: true
window 3 fetched while window 2 was handled: true
location listings: 3, location GETs in $batches: 0
the moves of window 1 (check listing + move $batches) sent while window 2 was handled: true
most in flight at once: 4
most in flight as the mock counted its mailbox slots: 4
answered 429: 0
handler downloads that went to Graph: 0
logger lines of $batch requests: 23 for 23 $batch requests
MIME files byte for byte what Graph serves: 150
temporary directory after the run: []
--- stopped by a handler while the next window is fetched ahead
SqzGraph\StoreException: the document store is full
handler calls: 3
still in the Inbox: 100
temporary directory after the run: []
