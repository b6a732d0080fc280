--TEST--
Importer::run() on PostgreSQL (PdoStore) killed inside a journal write's transaction, before COMMIT (the same upsert on a connection of its own): the server rolls the write back when the connection dies; the next run finishes — "started" lost: the handler runs once; the drop lost: only the journal is cleaned (resumed, no move)
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
$kills = [
    '"started" for Invoice 1' => ['label' => 'Invoice 1', 'state' => 'started', 'durable' => false],
    'the drop after the moves' => ['label' => 'Invoice 2', 'state' => 'dropped', 'durable' => false],
];
foreach ($kills as $what => $kill) {
    echo "=== killed before the COMMIT of $what\n";
    $f = im_start('basic', pgsql: 'run_kill_pdo_transaction_pgsql_001');
    $c = im_child($f, ['store_kill' => $kill]);
    im_show_child($f, 'run 1', $c);
    im_show_journal($f);
    im_where($f);
    $since = im_seq($f);
    $c = im_child($f, []);
    im_show_child($f, 'run 2', $c);
    im_show_calls($f);
    echo 'moves in run 2: ', count(array_filter(im_requests($f, $since), fn ($l) => str_contains($l, '/move'))), "\n";
    im_where($f);
    im_show_journal($f);
}
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('run_kill_pdo_transaction_pgsql_001');
?>
--EXPECT--
=== killed before the COMMIT of "started" for Invoice 1
run 1: killed by signal 9
journal: ["(none)"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
run 2: exit 0
imported=5 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
  No attachment: imported
  fixture: imported
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
moves in run 2: 1
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
=== killed before the COMMIT of the drop after the moves
run 1: killed by signal 9
journal: ["Invoice 1: imported/1","Invoice 2: imported/1","Invoice 3: imported/1","No attachment: imported/1","fixture: imported/1"]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
run 2: exit 0
imported=0 failed=0 deferred=0 vanished=0 resumed=5 locked=false aborted=NULL
  Invoice 1: resumed
  Invoice 2: resumed
  Invoice 3: resumed
  No attachment: resumed
  fixture: resumed
handler calls:
  Invoice 1 start=1 done=1
  Invoice 2 start=1 done=1
  Invoice 3 start=1 done=1
  No attachment start=1 done=1
  fixture start=1 done=1
moves in run 2: 0
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
