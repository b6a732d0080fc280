--TEST--
PdoStore inside the caller's transaction: put and delete refused, the transaction left open with its own rows, committable; get allowed
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'tx', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $own = sqz_test_table('tx_own', $driver);
    $pdo->exec("CREATE TABLE $own (id INTEGER PRIMARY KEY, note VARCHAR(20))");
    $s->put('k', 'before');

    foreach (['commit', 'rollBack'] as $end) {
        $pdo->beginTransaction();
        $pdo->exec("INSERT INTO $own (id, note) VALUES (1, 'mine')");
        sqz_pdo_try('put', fn() => $s->put('k', 'inside'), $table);
        sqz_pdo_try('delete', fn() => $s->delete('k'), $table);
        sqz_pdo_try('get', fn() => $s->get('k'), $table);
        echo 'still open: ', var_export($pdo->inTransaction(), true), ', own row: ',
            $pdo->query("SELECT note FROM $own WHERE id = 1")->fetchColumn(), "\n";
        $pdo->$end();
        echo "$end: ", var_export($pdo->query("SELECT note FROM $own WHERE id = 1")->fetchColumn(), true),
            ', record: ', var_export($s->get('k'), true), "\n";
        $pdo->exec("DELETE FROM $own");
    }
    $s->put('k', 'after');
    echo 'after the transaction: ', $s->get('k'), "\n";
}

?>
--EXPECT--
-- pgsql
put: SqzGraph\StoreException: PdoStore (pgsql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
delete: SqzGraph\StoreException: PdoStore (pgsql, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get: 'before'
still open: true, own row: mine
commit: 'mine', record: 'before'
put: SqzGraph\StoreException: PdoStore (pgsql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
delete: SqzGraph\StoreException: PdoStore (pgsql, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get: 'before'
still open: true, own row: mine
rollBack: false, record: 'before'
after the transaction: after
-- mysql
put: SqzGraph\StoreException: PdoStore (mysql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
delete: SqzGraph\StoreException: PdoStore (mysql, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get: 'before'
still open: true, own row: mine
commit: 'mine', record: 'before'
put: SqzGraph\StoreException: PdoStore (mysql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
delete: SqzGraph\StoreException: PdoStore (mysql, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get: 'before'
still open: true, own row: mine
rollBack: false, record: 'before'
after the transaction: after
-- sqlite
put: SqzGraph\StoreException: PdoStore (sqlite, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
delete: SqzGraph\StoreException: PdoStore (sqlite, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get: 'before'
still open: true, own row: mine
commit: 'mine', record: 'before'
put: SqzGraph\StoreException: PdoStore (sqlite, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
delete: SqzGraph\StoreException: PdoStore (sqlite, table "T"): delete of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get: 'before'
still open: true, own row: mine
rollBack: false, record: 'before'
after the transaction: after
