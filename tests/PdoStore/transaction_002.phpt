--TEST--
PdoStore inside a transaction the caller opened with SQL (BEGIN / START TRANSACTION, not PDO::beginTransaction()): put and delete refused, the caller's ROLLBACK leaves the record as it was
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'tx_sql', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $s->put('k', 'before');
    $pdo->exec($driver === 'mysql' ? 'START TRANSACTION' : 'BEGIN');
    sqz_pdo_try('put', fn() => $s->put('k', 'inside'), $table);
    $pdo->exec('ROLLBACK');
    // a put that returned must be committed: the caller's ROLLBACK cannot undo it
    echo 'after the caller\'s ROLLBACK: ', var_export($s->get('k'), true), "\n";
    $pdo->exec($driver === 'mysql' ? 'START TRANSACTION' : 'BEGIN');
    sqz_pdo_try('delete', fn() => $s->delete('k'), $table);
    $pdo->exec('ROLLBACK');
    echo 'after the caller\'s ROLLBACK: ', var_export($s->get('k'), true), "\n";
}
?>
--EXPECT--
-- pgsql
put: SqzGraph\StoreException: PdoStore (pgsql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
after the caller's ROLLBACK: 'before'
delete: SqzGraph\StoreException: PdoStore (pgsql, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
after the caller's ROLLBACK: 'before'
-- mysql
put: SqzGraph\StoreException: PdoStore (mysql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
after the caller's ROLLBACK: 'before'
delete: SqzGraph\StoreException: PdoStore (mysql, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
after the caller's ROLLBACK: 'before'
-- sqlite
put: SqzGraph\StoreException: PdoStore (sqlite, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
after the caller's ROLLBACK: 'before'
delete: SqzGraph\StoreException: PdoStore (sqlite, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
after the caller's ROLLBACK: 'before'
