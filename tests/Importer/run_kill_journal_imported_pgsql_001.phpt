--TEST--
Importer::run() on PostgreSQL (PdoStore) killed right after the handler returned — the journal says "imported" (killed once that upsert is committed): the next run only moves, the handler is not called again
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
$f = im_start('basic', pgsql: 'run_kill_journal_imported_pgsql_001');
$c = im_child($f, ['store_kill' => ['label' => 'Invoice 2', 'state' => 'imported', 'durable' => true]]);
im_show_child($f, 'run 1', $c);
im_show_journal($f);
im_show_calls($f);
im_where($f);

echo "--- run 2\n";
$since = im_seq($f);
$c = im_child($f, []);
im_show_child($f, 'run 2', $c);
im_show_calls($f);   // both runs: every handler exactly once
echo "moves:\n  ", implode("\n  ", array_filter(im_requests($f, $since), fn ($l) => str_contains($l, '/move'))), "\n";
im_where($f);
im_show_journal($f);
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('run_kill_journal_imported_pgsql_001');
?>
--EXPECT--
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: started/1"]
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
--- run 2
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
moves:
  POST /$batch -> 200 [POST /messages/{Invoice 1}/move -> 201; POST /messages/{Invoice 2}/move -> 201]
  POST /$batch -> 200 [POST /messages/{Invoice 3}/move -> 201; POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
