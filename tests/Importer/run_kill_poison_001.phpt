--TEST--
Importer::run() killed inside the handler of the same message max_attempts (3) times: the next run sends it to Error with reason poison (category set) and goes on with the rest
--SKIPIF--
<?php $needs = ['posix']; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic');
for ($run = 1; $run <= 3; $run++) {
    $c = im_child($f, ['handler' => ['kill_in' => 'Invoice 3']]);
    im_show_child($f, "run $run", $c);
    im_show_journal($f);
}
$c = im_child($f, ['handler' => ['kill_in' => 'Invoice 3']]);   // would die again: it is not called
im_show_child($f, 'run 4', $c);
im_show_calls($f);
im_where($f, true);
im_show_journal($f);

echo "--- max_attempts 1: the first crash makes it poison\n";
$f = im_start('basic');
im_show_child($f, 'run 1', im_child($f, ['handler' => ['kill_in' => 'No attachment'], 'options' => ['max_attempts' => 1]]));
im_show_child($f, 'run 2', im_child($f, ['options' => ['max_attempts' => 1, 'error_category' => 'Squeeze']]));
im_show_calls($f);
im_where($f, true);
?>
--EXPECT--
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: started/1"]
run 2: killed by signal 9
journal: ["Invoice 3: started/2"]
run 3: killed by signal 9
journal: ["Invoice 3: started/3"]
run 4: exit 0
imported=2 failed=1 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 3: failed (poison)
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=3 done=0
  No attachment start=1 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, No attachment, fixture
Error: Invoice 3 ["Import failed: poison"]
journal: []
--- max_attempts 1: the first crash makes it poison
run 1: killed by signal 9
run 2: exit 0
imported=1 failed=1 deferred=0 vanished=0 resumed=3 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: failed (poison)
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=0
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, fixture
Error: No attachment ["Squeeze: poison"]
