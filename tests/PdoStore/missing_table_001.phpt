--TEST--
PdoStore on a missing table: a StoreException with driver, table, operation, SQLSTATE and the remedy (createTable() or schema()); locks need no table; the statement is prepared again once the table exists
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'missing', [], false);
    sqz_pdo_try('get', fn() => $s->get('token'), $table);
    sqz_pdo_try('put', fn() => $s->put("import.journal\0\xff", 'v'), $table);
    sqz_pdo_try('delete', fn() => $s->delete('pending/abc'), $table);
    sqz_pdo_try('lock', fn() => $s->lock('k', 0), $table);
    sqz_pdo_try('unlock', fn() => $s->unlock('k'), $table);
    $s->createTable();
    $s->put('token', 'now');
    sqz_pdo_try('get after createTable()', fn() => $s->get('token'), $table);
    try {
        $s->get(str_repeat('x', 300));
    } catch (SqzGraph\StoreException $e) {
        echo 'code ', $e->getCode(), ', previous ', var_export($e->getPrevious(), true), "\n";
    }
}
?>
--EXPECT--
-- pgsql
get: SqzGraph\StoreException: PdoStore (pgsql, table "T"): get of record 'token' failed: SQLSTATE[42P01]: ERROR:  relation "T" does not exist; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('pgsql', 'T') in your migrations
put: SqzGraph\StoreException: PdoStore (pgsql, table "T"): put of record 'import.journal\x00\xff' failed: SQLSTATE[42P01]: ERROR:  relation "T" does not exist; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('pgsql', 'T') in your migrations
delete: SqzGraph\StoreException: PdoStore (pgsql, table "T"): delete of record 'pending/abc' failed: SQLSTATE[42P01]: ERROR:  relation "T" does not exist; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('pgsql', 'T') in your migrations
lock: true
unlock: NULL
get after createTable(): 'now'
code 0, previous NULL
-- mysql
get: SqzGraph\StoreException: PdoStore (mysql, table "T"): get of record 'token' failed: SQLSTATE[42S02]: Table 'sqzgraph_test.T' doesn't exist; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('mysql', 'T') in your migrations
put: SqzGraph\StoreException: PdoStore (mysql, table "T"): put of record 'import.journal\x00\xff' failed: SQLSTATE[42S02]: Table 'sqzgraph_test.T' doesn't exist; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('mysql', 'T') in your migrations
delete: SqzGraph\StoreException: PdoStore (mysql, table "T"): delete of record 'pending/abc' failed: SQLSTATE[42S02]: Table 'sqzgraph_test.T' doesn't exist; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('mysql', 'T') in your migrations
lock: true
unlock: NULL
get after createTable(): 'now'
code 0, previous NULL
-- sqlite
get: SqzGraph\StoreException: PdoStore (sqlite, table "T"): get of record 'token' failed: SQLSTATE[HY000]: no such table: T; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('sqlite', 'T') in your migrations
put: SqzGraph\StoreException: PdoStore (sqlite, table "T"): put of record 'import.journal\x00\xff' failed: SQLSTATE[HY000]: no such table: T; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('sqlite', 'T') in your migrations
delete: SqzGraph\StoreException: PdoStore (sqlite, table "T"): delete of record 'pending/abc' failed: SQLSTATE[HY000]: no such table: T; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('sqlite', 'T') in your migrations
lock: true
unlock: NULL
get after createTable(): 'now'
code 0, previous NULL
