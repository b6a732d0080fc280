--TEST--
Importer::run() on PostgreSQL (PdoStore) killed (by another process) while a $batch is in flight — the mock is slowed on the batch, the parent kills the child once the batch has arrived, the mock still answers it; the next run finishes: moves what is not moved, only drops the journal for what is (resumed), never calls the handler again
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
// The run's first $batch fetches the two messages ahead; the second asks where they are, the third moves them.
foreach ([2 => 'the $batch asking where the messages are', 3 => 'the $batch of moves'] as $nth => $what) {
    echo "=== killed during $what\n";
    $f = im_start('basic', pgsql: 'run_kill_during_batch_pgsql_001');
    $rule = $f->t->fault(['method' => 'POST', 'path' => '/\$batch$', 'nth' => $nth, 'action' => 'delay', 'delay_ms' => 1500]);
    $since = im_seq($f);
    $child = im_child_start($f, ['options' => ['max_messages' => 2]]);
    $arrived = im_wait_for(function () use ($f, $rule) {
        foreach ($f->t->faults() as $x) {
            if ($x['id'] === $rule && $x['fired'] === 1) {
                return true;
            }
        }
        return false;
    }, 180);
    posix_kill($child['pid'], SIGKILL);
    im_show_child($f, "batch arrived: " . json_encode($arrived) . ', child', im_child_wait($child));
    // the mock finishes the request the dead client sent
    echo 'mock answered it: ', json_encode(im_wait_for(fn () => array_filter($f->t->requests($since), fn ($x) => $x['fault'] === "delay#$rule") !== [], 180)), "\n";
    im_show_journal($f);
    im_where($f);

    echo "--- the next run\n";
    $since = im_seq($f);
    $c = im_child($f, []);
    im_show_child($f, 'run', $c);
    im_show_calls($f);
    echo "batches:\n  ", implode("\n  ", array_filter(im_requests($f, $since), fn ($l) => str_contains($l, '$batch'))), "\n";
    im_where($f);
    im_show_journal($f);
}
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('run_kill_during_batch_pgsql_001');
?>
--EXPECT--
=== killed during the $batch asking where the messages are
batch arrived: true, child: killed by signal 9
mock answered it: true
journal: ["Invoice 1: imported/1","Invoice 2: imported/1"]
Inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Exported: 
Error: 
--- the next run
run: exit 0
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
batches:
  POST /$batch -> 200 [POST /messages/{Invoice 1}/move -> 201; POST /messages/{Invoice 2}/move -> 201]
  POST /$batch -> 200 [GET /messages/{Invoice 3}/$value -> 200; GET /messages/{Invoice 3}/attachments -> 200; GET /messages/{No attachment}/$value -> 200; GET /messages/{No attachment}/attachments -> 200; GET /messages/{fixture}/$value -> 200; GET /messages/{fixture}/attachments -> 200]
  POST /$batch -> 200 [GET /messages/{Invoice 3} -> 200; GET /messages/{No attachment} -> 200; GET /messages/{fixture} -> 200]
  POST /$batch -> 200 [POST /messages/{Invoice 3}/move -> 201; POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
=== killed during the $batch of moves
batch arrived: true, child: killed by signal 9
mock answered it: true
journal: ["Invoice 1: imported/1","Invoice 2: imported/1"]
Inbox: Invoice 3, No attachment, fixture
Exported: Invoice 1, Invoice 2
Error: 
--- the next run
run: exit 0
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
batches:
  POST /$batch -> 200 [GET /messages/{Invoice 3}/$value -> 200; GET /messages/{Invoice 3}/attachments -> 200; GET /messages/{No attachment}/$value -> 200; GET /messages/{No attachment}/attachments -> 200; GET /messages/{fixture}/$value -> 200; GET /messages/{fixture}/attachments -> 200]
  POST /$batch -> 200 [GET /messages/{Invoice 3} -> 200; GET /messages/{No attachment} -> 200; GET /messages/{fixture} -> 200]
  POST /$batch -> 200 [POST /messages/{Invoice 3}/move -> 201; POST /messages/{No attachment}/move -> 201; POST /messages/{fixture}/move -> 201]
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
