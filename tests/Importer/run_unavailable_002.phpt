--TEST--
Importer::run(): Graph down for message operations only (the folders and the Inbox's pages still answer; the listing of the Inbox checking where the imported messages are does not) — the failed location checks and moves count once per message toward the five transient failures, so the run ends with aborted = 'unavailable' instead of reporting only deferrals; with a window's moves failing on the prefetch worker, no further handler is called once that is known; the next run finishes the moves (resumed) and calls no handler twice
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
for ($i = 1; $i <= 5; $i++) {
    im_add($f, "Extra $i");
}
// Every request about a message (members of $batch included) answers 503, and so does the check of where the
// imported messages are (a listing of the Inbox over their receivedDateTime span); the Inbox's pages still answer.
$outage = $f->t->fault(['path' => '/messages/|/messages\?\$filter=receivedDateTime', 'batch_member' => 'any', 'status' => 503]);
$calls = [];
$handler = function (SqzGraph\Message $m) use (&$calls) {
    $calls[] = im_label($m->subject);    // imports into Squeeze without asking Graph for anything
    return true;
};
$r = im_importer($f)->run($handler);
im_report($f, $r, false);
echo 'handler calls: ', count($calls), "\n";
echo 'deferred with "move pending": ', count(array_filter($r->items, fn ($i) => str_starts_with((string) $i['reason'], 'move pending'))),
    ', of them "could not check where the message is": ', count(array_filter($r->items,
        fn ($i) => str_starts_with((string) $i['reason'], 'move pending: could not check where the message is: '))), "\n";
im_where($f);
echo 'journal entries: ', count(im_journal($f)), "\n";

echo "--- Graph is back: the moves are finished, no handler is called again\n";
$f->t->clearFaults();
$calls = [];
$r = im_importer($f)->run($handler);
im_report($f, $r, false);
echo 'handler calls: ', json_encode($calls), "\n";
im_where($f);

echo "--- 225 messages: the first window's moves fail on the worker while the second window's handlers run\n";
$f = im_start('basic');
for ($i = 1; $i <= 220; $i++) {
    im_add($f, sprintf('Bulk %03d', $i));
}
$since = im_seq($f);
// Only the location checks (where are the messages? a listing of the Inbox over their receivedDateTime span, or a
// GET each in a $batch for a set of one message) fail: the fetches still work.
$f->t->fault(['method' => 'GET', 'path' => '/messages\?\$filter=receivedDateTime', 'status' => 503]);
$f->t->fault(['method' => 'GET', 'path' => '\?\$select=id,parentFolderId', 'batch_member' => true, 'status' => 503]);
$calls = [];
$failedFirst = null;
$r = im_importer($f)->run(function (SqzGraph\Message $m) use (&$calls, &$failedFirst, $f, $since) {
    $calls[] = im_label($m->subject);
    if (count($calls) === 101) {
        // The first handler of window 2 waits until the worker's location check for window 1 has failed.
        $failedFirst = im_wait_for(fn () => count(array_filter($f->t->requests($since), fn ($x) => im_is_location_listing($x['target'])
            && $x['status'] === 503)) > 0, 30);
        usleep(500000 * MockTenant::slowdown());
    }
    return true;
});
im_report($f, $r, false);
echo 'the worker\'s location listing answered 503 while the 101st handler ran: ', json_encode($failedFirst), "\n";
echo 'handler calls: ', count($calls), "\n";
echo 'moved to Exported: ', count($f->t->messagesIn(IM_ADMIN, 'Exported')), "\n";
echo 'journal entries: ', count(im_journal($f)), "\n";

foreach (['status' => 503, 'action' => 'invalid_json'] as $k => $v) {
    echo "--- every \$batch answers ", $k === 'status' ? '503' : 'invalid JSON', " (25 messages): the moves cannot be made, the run says so\n";
    $f = im_start('basic');
    for ($i = 1; $i <= 20; $i++) {
        im_add($f, sprintf('Bulk %03d', $i));
    }
    $f->t->fault(['method' => 'POST', 'path' => '/\$batch$', $k => $v]);
    $calls = [];
    $r = im_importer($f)->run($handler);
    im_report($f, $r, false);
    echo 'handler calls: ', count($calls), ', journal entries: ', count(im_journal($f)), "\n";
}
?>
--EXPECT--
imported=0 failed=0 deferred=10 vanished=0 resumed=0 locked=false aborted='unavailable'
handler calls: 10
deferred with "move pending": 10, of them "could not check where the message is": 10
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Extra 1, Extra 2, Extra 3, Extra 4, Extra 5
Exported: 
Error: 
journal entries: 10
--- Graph is back: the moves are finished, no handler is called again
imported=0 failed=0 deferred=0 vanished=0 resumed=10 locked=false aborted=NULL
handler calls: []
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Extra 1, Extra 2, Extra 3, Extra 4, Extra 5
Error: 
--- 225 messages: the first window's moves fail on the worker while the second window's handlers run
imported=0 failed=0 deferred=101 vanished=0 resumed=0 locked=false aborted='unavailable'
the worker's location listing answered 503 while the 101st handler ran: true
handler calls: 101
moved to Exported: 0
journal entries: 101
--- every $batch answers 503 (25 messages): the moves cannot be made, the run says so
imported=0 failed=0 deferred=25 vanished=0 resumed=0 locked=false aborted='unavailable'
handler calls: 25, journal entries: 25
--- every $batch answers invalid JSON (25 messages): the moves cannot be made, the run says so
imported=0 failed=0 deferred=25 vanished=0 resumed=0 locked=false aborted='unavailable'
handler calls: 25, journal entries: 25
