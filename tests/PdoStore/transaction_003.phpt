--TEST--
PdoStore on MariaDB with autocommit off (PDO::ATTR_AUTOCOMMIT, or SET autocommit = 0 run as SQL, which the attribute does not see): each call commits the transaction its own statement opened (a put is durable on return, a get pins no snapshot), and refuses writes once the caller's own statements opened one
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_test_db_skipif('mysql'); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

$ways = [
    'SET autocommit = 0' => fn(PDO $pdo) => $pdo->exec('SET autocommit = 0'),
    'PDO::ATTR_AUTOCOMMIT false' => fn(PDO $pdo) => $pdo->setAttribute(PDO::ATTR_AUTOCOMMIT, false),
];
foreach ($ways as $way => $off) {
    echo "-- $way\n";
    [$s, $pdo, $table] = sqz_pdo_store('mysql', 'autocommit', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $other = new SqzGraph\PdoStore(sqz_test_pdo('mysql'), ['table' => $table]);
    $s->put('k', 'before');
    $off($pdo);
    echo 'autocommit: ', $pdo->query('SELECT @@autocommit')->fetchColumn(), "\n";
    $pdo->exec('COMMIT');   // the SELECT's own transaction

    $s->put('k', 'after');
    // durable on return: another connection sees it, nothing left open
    echo 'put: another connection reads ', var_export($other->get('k'), true),
        ', transaction left open: ', var_export($pdo->inTransaction(), true), "\n";
    // a get pins no snapshot (REPEATABLE READ): the next write of another host is seen
    echo 'get: ', var_export($s->get('k'), true);
    $other->put('k', 'from another host');
    echo ', then ', var_export($s->get('k'), true), ', transaction left open: ', var_export($pdo->inTransaction(), true), "\n";
    var_dump($s->lock('L', 0));
    $s->unlock('L');
    echo 'lock: transaction left open: ', var_export($pdo->inTransaction(), true), "\n";
    $s->delete('k');
    echo 'delete: another connection reads ', var_export($other->get('k'), true), "\n";

    // the caller's own statement opened a transaction: its work is not ours to commit
    $own = sqz_test_table('autocommit_own', 'mysql');
    $pdo->exec("CREATE TABLE $own (id INT PRIMARY KEY)");
    $pdo->exec("INSERT INTO $own VALUES (1)");
    sqz_pdo_try('put', fn() => $s->put('k', 'inside'), $table);
    echo 'get inside: ', var_export($s->get('k'), true), ', still open: ', var_export($pdo->inTransaction(), true), "\n";
    $pdo->exec('ROLLBACK');
    echo 'the caller\'s rollback: rows ', $pdo->query("SELECT COUNT(*) FROM $own")->fetchColumn(),
        ', record ', var_export($other->get('k'), true), "\n";
    $pdo->exec('COMMIT');
}
?>
--EXPECT--
-- SET autocommit = 0
autocommit: 0
put: another connection reads 'after', transaction left open: false
get: 'after', then 'from another host', transaction left open: false
bool(true)
lock: transaction left open: false
delete: another connection reads NULL
put: SqzGraph\StoreException: PdoStore (mysql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get inside: NULL, still open: true
the caller's rollback: rows 0, record NULL
-- PDO::ATTR_AUTOCOMMIT false
autocommit: 0
put: another connection reads 'after', transaction left open: false
get: 'after', then 'from another host', transaction left open: false
bool(true)
lock: transaction left open: false
delete: another connection reads NULL
put: SqzGraph\StoreException: PdoStore (mysql, table "T"): put of record 'k' refused: a transaction is open on this PDO. A Store write must be committed when it returns, and committing here would commit your transaction's work too; call it after your commit() or rollBack(), or give the PdoStore a PDO connection of its own
get inside: NULL, still open: true
the caller's rollback: rows 0, record NULL
