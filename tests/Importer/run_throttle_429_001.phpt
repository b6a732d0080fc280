--TEST--
Importer::run(): a 429 whose Retry-After exceeds max_retry_wait ends the run as 'throttled' (throttledUntil set, remembered in the Store); a run before that moment makes no request; the importer's own requests and the handler's count alike
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$store = new SqzGraph\FileStore($f->storeDir);

echo "--- the Inbox listing is throttled for an hour\n";
$f->t->fault(['method' => 'GET', 'path' => '/messages\?', 'status' => 429, 'retry_after' => '3600', 'times' => 1]);
$im = im_importer($f);
$t0 = time();
$r = $im->run(im_handler($f));
im_report($f, $r);
echo 'throttledUntil: ', json_encode($r->throttledUntil >= $t0 + 3600 && $r->throttledUntil <= time() + 3601), "\n";
$until = $r->throttledUntil;

echo "--- the next run, before then: not one request\n";
$since = im_seq($f);
$r = $im->run(im_handler($f));
im_report($f, $r);
echo 'same throttledUntil: ', json_encode($r->throttledUntil === $until), "\n";
echo 'requests: ', json_encode($f->t->requests($since)), "\n";
$r = im_importer($f)->run(im_handler($f));    // another Importer on the same Store knows it too
echo 'another Importer: ', var_export($r->aborted, true), ', requests: ', json_encode($f->t->requests($since)), "\n";

echo "--- once the moment has passed, the run goes on\n";
$store->put('import.throttled', json_encode(['until' => time() - 1]));
$r = $im->run(im_handler($f, ['fail' => ['Invoice 1' => 'retry']]), null);
im_report($f, $r, false);
var_dump($r->throttledUntil);

echo "--- the handler's own download is throttled beyond max_retry_wait (60 s): the run ends after it\n";
// Twice: the MIME fetched ahead in a $batch (a member throttled beyond max_retry_wait is not waited for),
// then the handler's own download.
$f->t->fault(['path' => '/\$value', 'batch_member' => 'any', 'status' => 429, 'retry_after' => '61', 'times' => 2]);
$im = im_importer($f, [], null, null, ['max_retry_wait' => 60]);
im_clear_calls($f);
$t0 = time();
$r = $im->run(im_handler($f));
im_report($f, $r);
echo 'throttledUntil: ', json_encode($r->throttledUntil >= $t0 + 61 && $r->throttledUntil <= time() + 62), "\n";
im_show_calls($f);
im_where($f);
im_show_journal($f);

echo "--- a 429 within max_retry_wait is waited for and retried\n";
$store->delete('import.throttled');
// The MIME is fetched ahead in a $batch: the throttled member is sent again after its Retry-After.
$f->t->fault(['path' => '/\$value', 'batch_member' => 'any', 'status' => 429, 'retry_after' => '1', 'times' => 1]);
im_clear_calls($f);
$r = im_importer($f, [], null, null, ['max_retries' => 1])->run(im_handler($f));
im_report($f, $r);
?>
--EXPECT--
--- the Inbox listing is throttled for an hour
imported=0 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted='throttled'
throttledUntil: true
--- the next run, before then: not one request
imported=0 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted='throttled'
same throttledUntil: true
requests: []
another Importer: 'throttled', requests: []
--- once the moment has passed, the run goes on
imported=4 failed=0 deferred=1 vanished=0 resumed=0 locked=false aborted=NULL
NULL
--- the handler's own download is throttled beyond max_retry_wait (60 s): the run ends after it
imported=0 failed=0 deferred=1 vanished=0 resumed=0 locked=false aborted='throttled'
  Invoice 1: deferred (SqzGraph\ThrottledException: gave up after 1 attempt: Graph GET /me/messages/{Invoice 1}/$value failed: HTTP 429 TooManyRequests: Please retry again later. — Graph throttled the request; the job retries later (request-id {rid}))
throttledUntil: true
handler calls:
  Invoice 1 start=1 done=0
Inbox: Invoice 1
Exported: Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
--- a 429 within max_retry_wait is waited for and retried
imported=1 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
