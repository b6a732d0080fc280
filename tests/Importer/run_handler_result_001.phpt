--TEST--
Importer::run(): handler semantics — false → failed handler_returned_false; an exception → failed "handler_error: Class: message"; RetryLaterException → deferred, stays in the Inbox; a transient SqzGraph exception from inside the handler → deferred, not failed; any other return value → imported
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
im_add($f, 'Returns null');
im_add($f, 'Throws TypeError');
im_add($f, 'Graph 404 inside');
// The handler's own Graph calls: 503 (transient) for Invoice 3's attachments, 404 for 'Graph 404 inside'.
$f->t->fault(['path' => preg_quote(rawurlencode(im_id($f, 'Invoice 3')), '~') . '/attachments', 'batch_member' => 'any', 'status' => 503]);
$f->t->fault(['path' => preg_quote(rawurlencode(im_id($f, 'Graph 404 inside')), '~') . '/attachments', 'batch_member' => 'any', 'status' => 404]);
$handler = im_handler($f, ['fail' => ['Invoice 1' => 'false', 'Invoice 2' => 'throw', 'Invoice 3' => 'transient',
    'No attachment' => 'retry', 'Graph 404 inside' => 'transient']]);
$r = im_importer($f)->run(function (SqzGraph\Message $m) use ($handler) {
    return match ($m->subject) {
        'Returns null' => null,
        'Throws TypeError' => strlen([]),
        default => $handler($m),
    };
});
im_report($f, $r);
im_where($f, true);
im_show_calls($f);
im_show_journal($f);

echo "--- next run: only the deferred ones come back\n";
$f->t->clearFaults();
im_clear_calls($f);
$r = im_importer($f)->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_where($f);
?>
--EXPECT--
imported=2 failed=4 deferred=2 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 3: deferred (SqzGraph\GraphException: gave up after 1 attempt: Graph GET /me/messages/{Invoice 3}/attachments failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  No attachment: deferred (retry_later: SqzGraph\RetryLaterException: the DMS is in maintenance)
  Invoice 1: failed (handler_returned_false)
  Invoice 2: failed (handler_error: DomainException: cannot import Invoice 2)
  fixture: imported
  Returns null: imported
  Throws TypeError: failed (handler_error: TypeError: strlen(): Argument #1 ($string) must be of type string, array given)
  Graph 404 inside: failed (handler_error: SqzGraph\GraphException: Graph GET /me/messages/{Graph 404 inside}/attachments failed: HTTP 404 ErrorItemNotFound: The specified object was not found in the store. — the item no longer exists in the mailbox (moved or deleted) (request-id {rid}))
Inbox: Invoice 3, No attachment
Exported: fixture, Returns null
Error: Invoice 1 ["Import failed: handler_returned_false"], Invoice 2 ["Import failed: handler_error: DomainException: cannot import Invoice 2"], Throws TypeError ["Import failed: handler_error: TypeError: strlen(): Argument #1 ($string) must be of type string, array given"], Graph 404 inside ["Import failed: handler_error: SqzGraph\\GraphException: Graph GET /me/m… (255 bytes)"]
handler calls:
  Invoice 1 start=1 done=0 false=1
  Invoice 2 start=1 done=0
  Invoice 3 start=1 done=0
  No attachment start=1 done=0
  fixture start=1 done=1
  Graph 404 inside start=1 done=0
journal: []
--- next run: only the deferred ones come back
imported=2 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 3: imported
  No attachment: imported
handler calls:
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
Inbox: 
Exported: Invoice 3, No attachment, fixture, Returns null
Error: Invoice 1, Invoice 2, Throws TypeError, Graph 404 inside
