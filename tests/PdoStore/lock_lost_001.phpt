--TEST--
PdoStore: a session lock lost behind the store's back (what a transaction-mode pooler such as PgBouncer does) is reported by unlock(); the key can be locked again
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_test_db_skipif('pgsql'); sqz_test_db_skipif('mysql'); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

foreach (['pgsql' => 'SELECT pg_advisory_unlock_all()', 'mysql' => 'SELECT RELEASE_ALL_LOCKS()'] as $driver => $sql) {
    echo "-- $driver\n";
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'lost', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $other = new SqzGraph\PdoStore(sqz_test_pdo($driver), ['table' => $table]);
    var_dump($s->lock('token', 0), $s->lock('token', 0));
    $pdo->query($sql);
    echo 'another session gets it: ', var_export($other->lock('token', 0), true), "\n";
    $other->unlock('token');
    $s->unlock('token');   // depth 2 -> 1: not asked yet
    sqz_pdo_try('unlock', fn() => $s->unlock('token'), $table);
    echo 'error mode: ', $pdo->getAttribute(PDO::ATTR_ERRMODE) === PDO::ERRMODE_EXCEPTION ? 'unchanged' : 'changed', "\n";
    sqz_pdo_try('unlock again', fn() => $s->unlock('token'), $table);
    var_dump($s->lock('token', 0));
    echo 'held again: ', var_export(!$other->lock('token', 0), true), "\n";
    $s->unlock('token');
}
?>
--EXPECT--
-- pgsql
bool(true)
bool(true)
another session gets it: true
unlock: SqzGraph\StoreException: PdoStore (pgsql, table "T"): unlock of record 'token': the database session no longer held this lock, so it did not protect what ran under it. Session locks need one database session for the whole time: a connection pooler in transaction mode (PgBouncer pool_mode=transaction, ProxySQL multiplexing) or a reconnect in between breaks them; connect PdoStore directly or through session pooling
error mode: unchanged
unlock again: NULL
bool(true)
held again: true
-- mysql
bool(true)
bool(true)
another session gets it: true
unlock: SqzGraph\StoreException: PdoStore (mysql, table "T"): unlock of record 'token': the database session no longer held this lock, so it did not protect what ran under it. Session locks need one database session for the whole time: a connection pooler in transaction mode (PgBouncer pool_mode=transaction, ProxySQL multiplexing) or a reconnect in between breaks them; connect PdoStore directly or through session pooling
error mode: unchanged
unlock again: NULL
bool(true)
held again: true
