--TEST--
Importer::run() killed while writing "imported" before the record reached the disk: the one window the journal cannot close — the journal still says "started", so the next run calls that handler again (counted as a second attempt); the mail still ends in exactly one folder, the others are not repeated
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$c = im_child($f, ['store_kill' => ['label' => 'Invoice 2', 'state' => 'imported', 'durable' => false]]);
im_show_child($f, 'run 1', $c);
im_show_journal($f);
$c = im_child($f, []);
im_show_child($f, 'run 2', $c);
im_show_calls($f);
im_where($f);
im_show_journal($f);
?>
--EXPECT--
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: started/1"]
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
