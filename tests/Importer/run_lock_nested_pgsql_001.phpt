--TEST--
Importer::run() on PostgreSQL (PdoStore): a fatal error inside the handler (engine bailout) — the process's next run (a shutdown function, same Importer) is not mistaken for a nested one; a nested run from inside a handler of the same mailbox is locked (the Store lock is re-entrant for its holder) and imports nothing twice
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
$f = im_start('basic', pgsql: 'run_lock_nested_pgsql_001');
echo "--- a run from inside the handler of a run\n";
$store = im_store($f);
$im = im_importer($f, ['max_messages' => 2], null, $store);
$other = im_importer($f, [], null, $store);    // another Importer on the same Store object
$handler = im_handler($f);
$r = $im->run(function (SqzGraph\Message $m) use ($im, $other, $handler, $f) {
    foreach ([$im, $other] as $i => $x) {
        $inner = $x->run(function () { echo "inner handler called\n"; });
        echo 'inner run ', $i, ': locked=', json_encode($inner->locked), ' imported=', $inner->imported, "\n";
    }
    return $handler($m);
});
im_report($f, $r);

echo "--- a fatal error in the handler\n";
$c = im_child($f, ['handler' => ['fail' => ['No attachment' => 'fatal']], 'shutdown_run' => true]);
echo $c['end'], "\n", implode("\n", preg_grep('/^(SHUTDOWN|REPORT|EXCEPTION) /', explode("\n", $c['stdout']))), "\n";
echo 'the fatal error: ', json_encode(str_contains($c['stdout'] . $c['stderr'], 'fatal error while importing No attachment')), "\n";
im_show_calls($f);
im_where($f);
im_show_journal($f);
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('run_lock_nested_pgsql_001');
?>
--EXPECT--
--- a run from inside the handler of a run
inner run 0: locked=true imported=0
inner run 1: locked=true imported=0
inner run 0: locked=true imported=0
inner run 1: locked=true imported=0
imported=2 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
--- a fatal error in the handler
exit 255
SHUTDOWN {"imported":2,"resumed":1,"locked":false}
the fatal error: true
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=2 done=1
  fixture start=1 done=1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
