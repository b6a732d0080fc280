--TEST--
Importer::run(): Graph down (503 on every request about a message) — after 5 consecutive transient failures the run stops with aborted = 'unavailable'; nothing moved, nothing lost (a verdict already reached waits in the journal for the next run)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
for ($i = 1; $i <= 3; $i++) {
    im_add($f, "Extra $i", ['attachments' => [['name' => "x$i.pdf", 'content_type' => 'application/pdf', 'size' => 10]]]);
}
$f->t->fault(['path' => '/messages/', 'batch_member' => 'any', 'status' => 503]);

echo "--- the handler's downloads fail\n";
$r = im_importer($f)->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_where($f);
im_show_journal($f);

echo "--- the importer's own requests fail (attachment check; the mail without attachments is failed but cannot move)\n";
im_clear_calls($f);
$since = im_seq($f);
$r = im_importer($f, ['require_attachments' => true])->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_show_requests($f, $since);
im_where($f);
im_show_journal($f);

echo "--- a transient failure that is followed by a success does not count toward the five\n";
$f->t->clearFaults();
foreach (['Invoice 1', 'Invoice 3', 'fixture', 'Extra 2'] as $label) {
    $f->t->fault(['path' => preg_quote(rawurlencode(im_id($f, $label)), '~') . '/\$value', 'batch_member' => 'any', 'status' => 503]);
}
im_clear_calls($f);
$r = im_importer($f)->run(im_handler($f));
im_report($f, $r, false);
im_where($f, true);
im_show_journal($f);
?>
--EXPECT--
--- the handler's downloads fail
imported=0 failed=0 deferred=5 vanished=0 resumed=0 locked=false aborted='unavailable'
  Invoice 1: deferred (SqzGraph\GraphException: gave up after 1 attempt: Graph GET /me/messages/{Invoice 1}/$value failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 2: deferred (SqzGraph\GraphException: gave up after 1 attempt: Graph GET /me/messages/{Invoice 2}/$value failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 3: deferred (SqzGraph\GraphException: gave up after 1 attempt: Graph GET /me/messages/{Invoice 3}/$value failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  No attachment: deferred (SqzGraph\GraphException: gave up after 1 attempt: Graph GET /me/messages/{No attachment}/$value failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  fixture: deferred (SqzGraph\GraphException: gave up after 1 attempt: Graph GET /me/messages/{fixture}/$value failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
handler calls:
  Invoice 1 start=1 done=0
  Invoice 2 start=1 done=0
  Invoice 3 start=1 done=0
  No attachment start=1 done=0
  fixture start=1 done=0
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Extra 1, Extra 2, Extra 3
Exported: 
Error: 
journal: []
--- the importer's own requests fail (attachment check; the mail without attachments is failed but cannot move)
imported=0 failed=0 deferred=6 vanished=0 resumed=0 locked=false aborted='unavailable'
  Invoice 1: deferred (gave up after 1 attempt: Graph GET /me/messages/{Invoice 1}/attachments failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 2: deferred (gave up after 1 attempt: Graph GET /me/messages/{Invoice 2}/attachments failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Invoice 3: deferred (gave up after 1 attempt: Graph GET /me/messages/{Invoice 3}/attachments failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  fixture: deferred (gave up after 1 attempt: Graph GET /me/messages/{fixture}/attachments failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  Extra 1: deferred (gave up after 1 attempt: Graph GET /me/messages/{Extra 1}/attachments failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
  No attachment: deferred (move pending: could not check where the message is: Graph GET /me/messages/{No attachment}?$select=id,parentFolderId,categories failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id {rid}))
handler calls:
requests:
  GET /mailFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/*/childFolders -> 200
  GET /mailFolders/Inbox -> 200
  GET /mailFolders/*/messages -> 200
  POST /$batch -> 200 [GET /messages/{Extra 1}/$value -> 503; GET /messages/{Extra 1}/attachments -> 503; GET /messages/{Extra 2}/$value -> 503; GET /messages/{Extra 2}/attachments -> 503; GET /messages/{Extra 3}/$value -> 503; GET /messages/{Extra 3}/attachments -> 503; GET /messages/{Invoice 1}/$value -> 503; GET /messages/{Invoice 1}/attachments -> 503; GET /messages/{Invoice 2}/$value -> 503; GET /messages/{Invoice 2}/attachments -> 503; GET /messages/{Invoice 3}/$value -> 503; GET /messages/{Invoice 3}/attachments -> 503; GET /messages/{fixture}/$value -> 503; GET /messages/{fixture}/attachments -> 503]
  GET /messages/{Invoice 1}/attachments -> 503
  GET /messages/{Invoice 2}/attachments -> 503
  GET /messages/{Invoice 3}/attachments -> 503
  GET /messages/{fixture}/attachments -> 503
  GET /messages/{Extra 1}/attachments -> 503
  POST /$batch -> 200 [GET /messages/{No attachment} -> 503]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture, Extra 1, Extra 2, Extra 3
Exported: 
Error: 
journal: ["No attachment: failed/0/missing_attachments"]
--- a transient failure that is followed by a success does not count toward the five
imported=3 failed=0 deferred=4 vanished=0 resumed=1 locked=false aborted=NULL
Inbox: Invoice 1, Invoice 3, fixture, Extra 2
Exported: Invoice 2, Extra 1, Extra 3
Error: No attachment ["Import failed: missing_attachments"]
journal: []
