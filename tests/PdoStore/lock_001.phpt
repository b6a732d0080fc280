--TEST--
PdoStore locks between two connections of one process: exclusive, waits its timeout, re-entrant per object, unlock of a key not held does nothing, per table and namespace, released when the object goes away
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

function waited(callable $fn, float &$seconds): mixed
{
    $t0 = hrtime(true);
    $r = $fn();
    $seconds = (hrtime(true) - $t0) / 1e9;
    return $r;
}

foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$a, , $table] = sqz_pdo_store($driver, 'lock');
    $b = new PdoStore(sqz_test_pdo($driver), ['table' => $table]);
    var_dump($a->unlock('never locked'));
    var_dump($a->lock('k', 0.0));
    $w = 0.0;
    var_dump(waited(fn() => $b->lock('k', 0.3), $w));
    echo 'waited the timeout: ', var_export($w >= 0.29 && $w < 2.5, true), "\n";
    var_dump($b->lock('k', 0.0));
    var_dump($b->unlock('k'));   // not held by b: nothing happens
    var_dump($a->lock('k', 0.0));   // re-entrant: depth 2
    $a->unlock('k');
    echo 'held after one of two unlocks: ', var_export(!$b->lock('k', 0.0), true), "\n";
    $a->unlock('k');
    var_dump(waited(fn() => $b->lock('k', 5.0), $w));
    echo 'no wait when free: ', var_export($w < 1.0, true), "\n";
    $b->unlock('k');
    $b->unlock('k');

    // a waiter gets the lock once it is released within its timeout
    $a->lock('w', 0);
    // the same key in another table, or another namespace of this table, is another lock
    $other = sqz_test_table('lock_other', $driver);
    $c = new PdoStore(sqz_test_pdo($driver), ['table' => $other]);
    $d = new PdoStore(sqz_test_pdo($driver), ['table' => $table, 'namespace' => 'mailbox 2']);
    var_dump($c->lock('w', 0), $d->lock('w', 0));
    $c->unlock('w');
    $d->unlock('w');

    // dropping the holder releases its locks (the PDO lives on)
    $pdo = sqz_test_pdo($driver);
    $e = new PdoStore($pdo, ['table' => $table]);
    var_dump($e->lock('gone', 0), $e->lock('gone', 0));
    unset($e);
    var_dump($b->lock('gone', 0));
    $b->unlock('gone');
    $a->unlock('w');
}
?>
--EXPECT--
-- pgsql
NULL
bool(true)
bool(false)
waited the timeout: true
bool(false)
NULL
bool(true)
held after one of two unlocks: true
bool(true)
no wait when free: true
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- mysql
NULL
bool(true)
bool(false)
waited the timeout: true
bool(false)
NULL
bool(true)
held after one of two unlocks: true
bool(true)
no wait when free: true
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- sqlite
NULL
bool(true)
bool(false)
waited the timeout: true
bool(false)
NULL
bool(true)
held after one of two unlocks: true
bool(true)
no wait when free: true
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
