--TEST--
Importer::run() killed during the journal write that carries a handler's verdict ("imported" for Invoice 2) together with the next "started" (Invoice 3): durable — Invoice 2 is only moved; lost — Invoice 2's handler runs again (the window between a handler's return and its verdict being durable, which a write of its own had too); Invoice 3's handler runs once either way
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
foreach ([false => 'before the record is durable (lost)', true => 'after the record is durable (before put() returns)'] as $durable => $what) {
    echo "=== killed $what\n";
    $f = im_start('basic');
    $c = im_child($f, ['store_kill' => ['label' => 'Invoice 3', 'state' => 'started', 'durable' => (bool) $durable]]);
    im_show_child($f, 'run 1', $c);
    im_show_journal($f);
    im_show_calls($f);
    $c = im_child($f, []);
    im_show_child($f, 'run 2', $c);
    im_show_calls($f);
    im_where($f);
    im_show_journal($f);
}
?>
--EXPECT--
=== killed before the record is durable (lost)
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: started/1"]
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
run 2: exit 0
imported=4 failed=0 deferred=0 vanished=0 resumed=1 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=2 done=2
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
=== killed after the record is durable (before put() returns)
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: started/1"]
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
run 2: exit 0
imported=3 failed=0 deferred=0 vanished=0 resumed=2 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
