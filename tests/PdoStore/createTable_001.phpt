--TEST--
PdoStore::createTable(): creates the table once, keeps its rows when called again (another object too), refused inside the caller's transaction
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

$exists = [
    'pgsql' => "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ?",
    'mysql' => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
    'sqlite' => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
];
foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'create', [], false);
    $count = $pdo->prepare($exists[$driver]);
    $count->execute([$table]);
    echo 'before: ', $count->fetchColumn(), "\n";
    var_dump($s->createTable());
    $count->execute([$table]);
    echo 'after: ', $count->fetchColumn(), "\n";
    $s->put('k', 'v');
    $s->createTable();
    (new PdoStore(sqz_test_pdo($driver), ['table' => $table]))->createTable();
    $count->execute([$table]);
    echo 'again: ', $count->fetchColumn(), ' table, record ', var_export($s->get('k'), true), "\n";

    // DDL would commit the caller's transaction on MariaDB: refused everywhere
    [$t, $pdo2, $table2] = sqz_pdo_store($driver, 'create_tx', [], false);
    $pdo2->beginTransaction();
    sqz_pdo_try('in a transaction', fn() => $t->createTable(), $table2);
    var_dump($pdo2->inTransaction());
    $pdo2->rollBack();
    $count = $pdo2->prepare($exists[$driver]);
    $count->execute([$table2]);
    echo 'not created: ', $count->fetchColumn(), "\n";
}
?>
--EXPECT--
-- pgsql
before: 0
NULL
after: 1
again: 1 table, record 'v'
in a transaction: SqzGraph\StoreException: PdoStore (pgsql, table "T"): createTable() refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
bool(true)
not created: 0
-- mysql
before: 0
NULL
after: 1
again: 1 table, record 'v'
in a transaction: SqzGraph\StoreException: PdoStore (mysql, table "T"): createTable() refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
bool(true)
not created: 0
-- sqlite
before: 0
NULL
after: 1
again: 1 table, record 'v'
in a transaction: SqzGraph\StoreException: PdoStore (sqlite, table "T"): createTable() refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
bool(true)
not created: 0
