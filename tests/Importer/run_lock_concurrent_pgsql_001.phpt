--TEST--
Importer::run() on PostgreSQL (PdoStore, a connection per process): one run per mailbox — a second run (another process) while the first is slowed by latency returns at once with locked = true, no request, no handler call
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
$f = im_start('basic', pgsql: 'run_lock_concurrent_pgsql_001');
$f->t->setLatency(150);
// This process's connections first: under valgrind a connection (SCRAM) takes long enough for the child to finish.
$lines = [];
$im = im_importer($f, [], function (string $level, string $message) use (&$lines) { $lines[] = "$level $message"; });
$child = im_child_start($f, ['options' => ['max_messages' => 3]]);
// The child holds the lock once its handler has started.
echo 'child importing: ', json_encode(im_wait_for(fn () => im_calls($f) !== [], 180)), "\n";
$t0 = microtime(true);
$r = $im->run(function () { echo "parent handler called\n"; }, function () { echo "parent progress called\n"; });
$elapsed = microtime(true) - $t0;
im_report($f, $r);
echo 'at once: ', json_encode($elapsed < 1 && $r->seconds < 1), ', items: ', json_encode($r->items), "\n";
// The Config logger sees every HTTP request: the locked run made none.
echo 'logger: ', json_encode($lines), "\n";
$c = im_child_wait($child);
im_show_child($f, 'child', $c);

echo "--- after the first run: not locked any more\n";
$f->t->setLatency(0);
$r = $im->run(im_handler($f));
im_report($f, $r);
im_show_calls($f);
im_where($f);
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('run_lock_concurrent_pgsql_001');
?>
--EXPECT--
child importing: true
imported=0 failed=0 deferred=0 vanished=0 resumed=0 locked=true aborted=NULL
at once: true, items: []
logger: ["info import run: another run holds this mailbox; nothing done"]
child: exit 0
imported=3 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
  Invoice 1: imported
  Invoice 2: imported
  Invoice 3: imported
--- after the first run: not locked any more
imported=2 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
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
