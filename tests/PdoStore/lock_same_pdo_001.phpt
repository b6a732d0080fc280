--TEST--
PdoStore: two objects over ONE PDO exclude each other like two FileStores over one folder (the Store contract's "second object times out"); PostgreSQL's advisory locks and GET_LOCK are re-entrant per session, so the session alone cannot tell them apart
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

foreach (SQZ_TEST_DRIVERS as $driver) {
    [$a, $pdo, $table] = sqz_pdo_store($driver, 'same_pdo');
    $b = new SqzGraph\PdoStore($pdo, ['table' => $table]);
    echo "$driver: a ", var_export($a->lock('k', 0), true), ', b ', var_export($b->lock('k', 0.2), true);
    $a->unlock('k');
    echo ', b after a unlocked ', var_export($b->lock('k', 0.2), true), "\n";
    $b->unlock('k');
}
?>
--EXPECT--
pgsql: a true, b false, b after a unlocked true
mysql: a true, b false, b after a unlocked true
sqlite: a true, b false, b after a unlocked true
