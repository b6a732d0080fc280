--TEST--
Importer::run() on PostgreSQL (PdoStore) killed (SIGKILL) inside the handler: the lock dies with the process's connection; the next run finishes the work — the imports before it are only moved (resumed), the interrupted message is imported once, each message ends in exactly one folder
--SKIPIF--
<?php
$needs = ['posix'];
require __DIR__ . '/skipif.inc';
require __DIR__ . '/../pgsql_store.inc';
sqz_test_db_skipif('pgsql');
?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$f = im_start('basic', pgsql: 'run_kill_during_handler_pgsql_001');
$c = im_child($f, ['handler' => ['kill_in' => 'Invoice 3']]);
im_show_child($f, 'run 1', $c);
im_show_journal($f);
im_where($f);

echo "--- run 2 (this process, with \$progress)\n";
$progress = [];
$r = im_importer($f)->run(im_handler($f), function (int $done, ?int $total, SqzGraph\Message $m, string $o) use (&$progress) {
    $progress[] = "$done/$total " . im_label($m->subject) . " $o";
});
im_report($f, $r);
echo 'progress: ', implode(', ', $progress), "\n";
im_show_calls($f);
im_where($f);
im_show_journal($f);
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('run_kill_during_handler_pgsql_001');
?>
--EXPECT--
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: started/1"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
--- run 2 (this process, with $progress)
imported=3 failed=0 deferred=0 vanished=0 resumed=2 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: imported
  No attachment: imported
  fixture: imported
progress: 1/5 Invoice 1 resumed, 2/5 Invoice 2 resumed, 3/5 Invoice 3 imported, 4/5 No attachment imported, 5/5 fixture imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=2 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
