--TEST--
Importer::run(): a move that fails transiently after the import (503 on the moves, beyond max_retries) stays in the journal; the next run finishes it without calling the handler again (resumed)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
// Every move member answers 503 (Retry-After 0: the retries come at once), three times in a row.
$f->t->fault(['method' => 'POST', 'path' => '/move$', 'batch_member' => true, 'status' => 503, 'retry_after' => '0']);
$im = im_importer($f, ['max_messages' => 3], null, null, ['max_retries' => 2]);
$since = im_seq($f);
$r = $im->run(im_handler($f, ['fail' => ['Invoice 3' => 'throw']]));
im_report($f, $r);
echo 'move batches: ', count(array_filter(im_requests($f, $since), fn ($l) => str_contains($l, '/move'))), "\n";
im_where($f, true);
im_show_journal($f);

echo "--- the whole \$batch request fails (503) as well\n";
$f->t->clearFaults();
$f->t->fault(['method' => 'POST', 'path' => '/\$batch$', 'status' => 503, 'retry_after' => '0']);
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_journal($f);

echo "--- Graph is back: the journal's moves are finished, the handler is not called again\n";
$f->t->clearFaults();
im_clear_calls($f);
$since = im_seq($f);
$progress = [];
$r = $im->run(im_handler($f), function (int $done, ?int $total, SqzGraph\Message $m, string $o) use (&$progress) {
    $progress[] = "$done/$total " . im_label($m->subject) . " $o";
});
im_report($f, $r);
echo 'progress: ', implode(', ', $progress), "\n";
im_show_calls($f);
im_show_requests($f, $since);
im_where($f, true);
im_show_journal($f);
?>
--EXPECT--
imported=0 failed=0 deferred=3 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: deferred (move pending: Graph POST /me/messages/{Invoice 1}/move failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 2: deferred (move pending: Graph POST /me/messages/{Invoice 2}/move failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 3: deferred (move pending: Graph POST /me/messages/{Invoice 3}/move failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
move batches: 3
Inbox: Invoice 1, Invoice 2, Invoice 3 ["Import failed: handler_error: DomainException: cannot import Invoice 3"], No attachment, fixture
Exported: 
Error: 
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: failed/1/handler_error: DomainException: cannot import Invoice 3"]
--- the whole $batch request fails (503) as well
imported=0 failed=0 deferred=3 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: deferred (move pending: gave up after 3 attempts: Graph POST /$batch failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 2: deferred (move pending: gave up after 3 attempts: Graph POST /$batch failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 3: deferred (move pending: gave up after 3 attempts: Graph POST /$batch failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: failed/1/handler_error: DomainException: cannot import Invoice 3"]
--- Graph is back: the journal's moves are finished, the handler is not called again
imported=2 failed=0 deferred=0 vanished=0 resumed=3 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed (handler_error: DomainException: cannot import Invoice 3)
  No attachment: imported
  fixture: imported
progress: 1/5 Invoice 1 resumed, 2/5 Invoice 2 resumed, 3/5 Invoice 3 resumed, 4/5 No attachment imported, 5/5 fixture imported
handler calls:
  No attachment start=1 done=1
  fixture start=1 done=1
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
  GET /messages/{Invoice 1} -> 200
  GET /messages/{Invoice 2} -> 200
  GET /messages/{Invoice 3} -> 200
  GET /messages/{Invoice 3} -> 200
  PATCH /messages/{Invoice 3} -> 200
  POST /$batch -> 200 [POST /messages/{Invoice 1}/move -> 201; POST /messages/{Invoice 2}/move -> 201; POST /messages/{Invoice 3}/move -> 201]
  GET /mailFolders/*/messages -> 200
  POST /$batch -> 200 [GET /messages/{No attachment}/$value -> 200; GET /messages/{No attachment}/attachments -> 200; GET /messages/{fixture}/$value -> 200; GET /messages/{fixture}/attachments -> 200]
  GET /mailFolders/*/messages ($filter=receivedDateTime: where they are) -> 200
  POST /$batch -> 200 [POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 2, No attachment, fixture
Error: Invoice 3 ["Import failed: handler_error: DomainException: cannot import Invoice 3"]
journal: []
