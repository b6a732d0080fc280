--TEST--
Importer::run(): exit() inside the handler ends the process at once like a crash (exit code kept, no further message, no move); the next run finishes the work and counts the interrupted call as an attempt
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
$c = im_child($f, ['handler' => ['fail' => ['Invoice 2' => 'exit']]]);
im_show_child($f, 'run 1', $c);
im_show_journal($f);
im_where($f);
$c = im_child($f, []);
im_show_child($f, 'run 2', $c);
im_show_calls($f);
im_where($f);
im_show_journal($f);
?>
--EXPECT--
run 1: exit 3
journal: ["Invoice 1: imported/1","Invoice 2: started/1"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
run 2: exit 0
imported=4 failed=0 deferred=0 vanished=0 resumed=1 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=2 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
