--TEST--
PdoStore: two objects over ONE PDO on PostgreSQL and MariaDB share its session's locks (documented: give each worker its own connection); on SQLite each object's locks are its own
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

foreach (SQZ_TEST_DRIVERS as $driver) {
    [$a, $pdo, $table] = sqz_pdo_store($driver, 'same_pdo');
    $b = new SqzGraph\PdoStore($pdo, ['table' => $table]);
    $c = new SqzGraph\PdoStore(sqz_test_pdo($driver), ['table' => $table]);
    echo "$driver: a ", var_export($a->lock('k', 0), true), ', b on the same PDO ', var_export($b->lock('k', 0), true);
    echo ', c on another connection ', var_export($c->lock('k', 0), true);
    $a->unlock('k');
    // the session still holds b's acquisition (if any): c must wait for b too
    echo ', c after a unlocked ', var_export($c->lock('k', 0), true);
    $b->unlock('k');
    echo ', c after b unlocked ', var_export($c->lock('k', 0), true), "\n";
    $c->unlock('k');
}
?>
--EXPECT--
pgsql: a true, b on the same PDO true, c on another connection false, c after a unlocked false, c after b unlocked true
mysql: a true, b on the same PDO true, c on another connection false, c after a unlocked false, c after b unlocked true
sqlite: a true, b on the same PDO false, c on another connection false, c after a unlocked true, c after b unlocked true
