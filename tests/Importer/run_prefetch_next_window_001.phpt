--TEST--
Importer::run(): the next window of 100 messages is fetched ahead while the handlers of the current one run (its $batches start before the 100th handler and are done before the 101st), and the moves of the window before are sent beside it during those handlers (the location listing before the move $batches, started while the window's handlers run, all done before the next window's first handler); every message is imported once, in the Inbox's order, from the prefetched files; never more than 4 requests in flight (the worker's fetch and moves share the mailbox's 4 with the handlers), no 429; the logger gets one line per $batch, the worker's too; a run stopped by a handler while a window is being fetched ahead ends, and leaves no temporary directory
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

echo "--- 250 messages, 300 ms per request, a handler of 15 ms\n";
$f = im_start('basic');
$tmp = pf_private_tmp($f);
add_bulk($f, 245);
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
// Windows: 1-100 fetched before its handlers (10 batches); 101-200 and 201-250 fetched ahead (10 and 5 batches).
$start = fn ($x) => $x['ts'] - $x['ms'] / 1000;
$second = array_slice($prefetch, 10, 10);
$third = array_slice($prefetch, 20);
echo 'window 2 fetched while window 1 was handled: ',
    json_encode(min(array_map($start, $second)) < $started[99][0]), "\n";
echo 'window 2 sent after window 1 was fetched: ', json_encode(min(array_map($start, $second)) >= max(array_column(array_slice($prefetch, 0, 10), 'ts')) - 0.001), "\n";
echo 'window 2 complete before its first handler: ', json_encode(max(array_column($second, 'ts')) <= $started[100][0]), "\n";
echo 'window 3 fetched while window 2 was handled: ', json_encode(min(array_map($start, $third)) > $started[99][0]
    && min(array_map($start, $third)) < $started[199][0]), "\n";
// Where the moved messages are: a listing of the Inbox over each set's receivedDateTime span (window 1's: the first,
// sent by the worker beside window 3's fetch; windows 2 and 3's together at the end of the run: 150 moves).
$checks = array_values(array_filter($g, fn ($x) => $x['method'] === 'GET' && im_is_location_listing($x['target'])));
usort($checks, fn ($a, $b) => $start($a) <=> $start($b));
$moves = array_values(array_filter($g, fn ($x) => $x['members'] !== [] && $x['members'][0]['method'] === 'POST'));
usort($moves, fn ($a, $b) => $start($a) <=> $start($b));
$firstMoves = array_slice($moves, 0, 5);    // window 1's 100 moves
echo 'location listings: ', count($checks), ', location GETs in $batches: ', count(array_filter(array_merge(...array_column($g, 'members')),
    fn ($m) => str_contains(rawurldecode($m['target']), 'parentFolderId'))), "\n";
echo 'the moves of window 1 (check listing + move $batches) sent while window 2 was handled: ',
    json_encode(min(array_map($start, $checks)) > $started[99][0] && $checks[0]['ts'] <= min(array_map($start, $firstMoves)) + 0.001
        && min(array_map($start, $firstMoves)) < $started[199][0] && max(array_column($firstMoves, 'ts')) < $started[200][0]), "\n";
echo 'move $batches: ', count($moves), ' (', array_sum(array_map(fn ($x) => count($x['members']), $moves)), ' moves), window 1\'s: ',
    json_encode(array_map(fn ($x) => count($x['members']), $firstMoves)), "\n";
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
add_bulk($f, 195);
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
--- 250 messages, 300 ms per request, a handler of 15 ms
imported=250 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
handlers in the order of the report: true
handler calls: 250
prefetch $batches (members each, by start): [20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20]
window 2 fetched while window 1 was handled: true
window 2 sent after window 1 was fetched: true
window 2 complete before its first handler: true
window 3 fetched while window 2 was handled: true
location listings: 2, location GETs in $batches: 0
the moves of window 1 (check listing + move $batches) sent while window 2 was handled: true
move $batches: 13 (250 moves), window 1's: [20,20,20,20,20]
most in flight at once: 4
most in flight as the mock counted its mailbox slots: 4
answered 429: 0
handler downloads that went to Graph: 0
logger lines of $batch requests: 38 for 38 $batch requests
MIME files byte for byte what Graph serves: 250
temporary directory after the run: []
--- stopped by a handler while the next window is fetched ahead
SqzGraph\StoreException: the document store is full
handler calls: 3
still in the Inbox: 200
temporary directory after the run: []
