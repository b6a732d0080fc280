--TEST--
Importer::run() killed right after the journal says "failed" (before the error category and the move): the next run sets the category and moves the mail to Error without calling the handler again
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$c = im_child($f, ['store_kill' => ['label' => 'Invoice 2', 'state' => 'failed', 'durable' => true],
    'handler' => ['fail' => ['Invoice 2' => 'throw']], 'options' => ['error_category' => 'Squeeze']]);
im_show_child($f, 'run 1', $c);
im_show_journal($f);
im_where($f, true);
$since = im_seq($f);
$c = im_child($f, ['options' => ['error_category' => 'Squeeze']]);
im_show_child($f, 'run 2', $c);
im_show_calls($f);
im_show_requests($f, $since);
im_where($f, true);
im_show_journal($f);
?>
--EXPECT--
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: failed/1/handler_error: DomainException: cannot import Invoice 2","Invoice 3: started/1"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
run 2: exit 0
imported=3 failed=0 deferred=0 vanished=0 resumed=2 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed (handler_error: DomainException: cannot import Invoice 2)
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=0
  Invoice 3 start=1 done=1
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
  GET /messages/{Invoice 2} -> 200
  PATCH /messages/{Invoice 2} -> 200
  POST /$batch -> 200 [POST /messages/{Invoice 1}/move -> 201; POST /messages/{Invoice 2}/move -> 201]
  GET /mailFolders/*/messages -> 200
  POST /$batch -> 200 [GET /messages/{Invoice 3}/$value -> 200; GET /messages/{Invoice 3}/attachments -> 200; GET /messages/{No attachment}/$value -> 200; GET /messages/{No attachment}/attachments -> 200; GET /messages/{fixture}/$value -> 200; GET /messages/{fixture}/attachments -> 200]
  GET /mailFolders/*/messages ($filter=receivedDateTime: where they are) -> 200
  POST /$batch -> 200 [POST /messages/{Invoice 3}/move -> 201; POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 3, No attachment, fixture
Error: Invoice 2 ["Squeeze: handler_error: DomainException: cannot import Invoice 2"]
journal: []
