--TEST--
Importer::run() killed right after the move $batch returned, before the journal drops the moved messages (the logger dies on the batch's debug line; a Store that dies before the drop is durable): the next run finds them in Exported and Error and only drops the journal
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$plans = [
    // the run's $batches: the messages fetched ahead, where they are, the Error category, the moves
    'the logger, on the fourth $batch (the moves) returning' => ['log_kill' => ['pattern' => '^POST /\$batch -> 200', 'nth' => 4]],
    'the Store, writing the journal without the moved messages (one write for the whole batch)' => ['store_kill' => ['label' => 'Invoice 2', 'state' => 'dropped', 'durable' => false]],
];
foreach ($plans as $what => $plan) {
    echo "=== killed by $what\n";
    $f = im_start('basic');
    $c = im_child($f, $plan + ['handler' => ['fail' => ['No attachment' => 'false']]]);
    im_show_child($f, 'run 1', $c);
    im_show_journal($f);
    im_where($f, true);
    $since = im_seq($f);
    $c = im_child($f, []);
    im_show_child($f, 'run 2', $c);
    im_show_calls($f);
    im_show_requests($f, $since);
    im_where($f, true);
    im_show_journal($f);
}
?>
--EXPECT--
=== killed by the logger, on the fourth $batch (the moves) returning
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1","No attachment: failed/1/handler_returned_false","fixture: imported/1"]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
run 2: exit 0
imported=0 failed=0 deferred=0 vanished=0 resumed=5 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: resumed (handler_returned_false)
  fixture: resumed
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=0 false=1
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
  GET /messages/{No attachment} -> 200
  GET /messages/{fixture} -> 200
  GET /mailFolders/*/messages -> 200
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
journal: []
=== killed by the Store, writing the journal without the moved messages (one write for the whole batch)
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1","No attachment: failed/1/handler_returned_false","fixture: imported/1"]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
run 2: exit 0
imported=0 failed=0 deferred=0 vanished=0 resumed=5 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: resumed (handler_returned_false)
  fixture: resumed
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=0 false=1
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
  GET /messages/{No attachment} -> 200
  GET /messages/{fixture} -> 200
  GET /mailFolders/*/messages -> 200
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Import failed: handler_returned_false"]
journal: []
