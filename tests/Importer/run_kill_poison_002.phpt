--TEST--
Importer::run(): RetryLaterException and transient failures do not count as attempts, but do not erase the crashes before them either — a message that crashed, was deferred, and crashed again is poison at max_attempts 2
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$o = ['max_attempts' => 2, 'max_messages' => 1];
$steps = [
    'crash' => ['kill_in' => 'Invoice 1'],
    'RetryLaterException' => ['fail' => ['Invoice 1' => 'retry']],
    'a transient Graph failure' => ['fail' => ['Invoice 1' => 'transient']],
    'crash again' => ['kill_in' => 'Invoice 1'],
    'would crash a third time' => ['kill_in' => 'Invoice 1'],
];
foreach ($steps as $what => $handler) {
    if ($what === 'a transient Graph failure') {
        // Twice: the attachments fetched ahead in a $batch, then the handler's own listing.
        $f->t->fault(['path' => preg_quote(rawurlencode(im_id($f, 'Invoice 1')), '~') . '/attachments', 'batch_member' => 'any', 'status' => 503, 'times' => 2]);
    }
    $c = im_child($f, ['options' => $o, 'handler' => $handler]);
    im_show_child($f, $what, $c);
    im_show_journal($f);
}
im_show_calls($f);
im_where($f, true);
?>
--EXPECT--
crash: killed by signal 9
journal: ["Invoice 1: started/1"]
RetryLaterException: exit 0
imported=0 failed=0 deferred=1 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: deferred (retry_later: SqzGraph\RetryLaterException: the DMS is in maintenance)
journal: ["Invoice 1: started/1"]
a transient Graph failure: exit 0
imported=0 failed=0 deferred=1 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: deferred (SqzGraph\GraphException: gave up after 1 attempt: Graph GET /me/messages/{Invoice 1}/attachments failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
journal: ["Invoice 1: started/1"]
crash again: killed by signal 9
journal: ["Invoice 1: started/2"]
would crash a third time: exit 0
imported=0 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: failed (poison)
journal: []
handler calls:
  Invoice 1 start=4 done=0
Inbox: Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: Invoice 1 ["Import failed: poison"]
