--TEST--
PdoStore::schema(): the DDL of each driver, a custom and a schema-qualified table, bad arguments
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

foreach (['pgsql', 'mysql', 'sqlite'] as $driver) {
    echo PdoStore::schema($driver), "\n";
}
echo PdoStore::schema('pgsql', 'squeeze.sqzgraph_store'), "\n";
echo PdoStore::schema('mysql', 'select'), "\n";
echo PdoStore::schema('sqlite', 'Mixed_Case_1'), "\n";
echo strlen(PdoStore::schema('pgsql', str_repeat('t', 63) . '.' . str_repeat('u', 63))), "\n";

sqz_pdo_try('oci', fn() => PdoStore::schema('oci'));
sqz_pdo_try('PGSQL', fn() => PdoStore::schema('PGSQL'));
sqz_pdo_try('empty driver', fn() => PdoStore::schema(''));
foreach (['', '1abc', 'a-b', 'a b', 'a.b.c', '.a', 'a.', 'a;DROP TABLE x', "a\0b", 'täble', '"a"', '`a`',
    str_repeat('t', 64), 'a.' . str_repeat('t', 64)] as $table) {
    sqz_pdo_try('table ' . json_encode($table), fn() => PdoStore::schema('pgsql', $table));
}
?>
--EXPECT--
CREATE TABLE IF NOT EXISTS "sqzgraph_store" (
    ns bytea NOT NULL DEFAULT '',
    k bytea NOT NULL,
    v bytea NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (ns, k)
)
CREATE TABLE IF NOT EXISTS `sqzgraph_store` (
    ns VARBINARY(255) NOT NULL DEFAULT '',
    k VARBINARY(255) NOT NULL,
    v LONGBLOB NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (ns, k)
) ENGINE=InnoDB
CREATE TABLE IF NOT EXISTS "sqzgraph_store" (
    ns BLOB NOT NULL DEFAULT x'',
    k BLOB NOT NULL,
    v BLOB NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (ns, k)
)
CREATE TABLE IF NOT EXISTS "squeeze"."sqzgraph_store" (
    ns bytea NOT NULL DEFAULT '',
    k bytea NOT NULL,
    v bytea NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (ns, k)
)
CREATE TABLE IF NOT EXISTS `select` (
    ns VARBINARY(255) NOT NULL DEFAULT '',
    k VARBINARY(255) NOT NULL,
    v LONGBLOB NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (ns, k)
) ENGINE=InnoDB
CREATE TABLE IF NOT EXISTS "Mixed_Case_1" (
    ns BLOB NOT NULL DEFAULT x'',
    k BLOB NOT NULL,
    v BLOB NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (ns, k)
)
296
oci: ValueError: SqzGraph\PdoStore::schema(): Argument #1 ($driver) must be "pgsql", "mysql" or "sqlite"
PGSQL: ValueError: SqzGraph\PdoStore::schema(): Argument #1 ($driver) must be "pgsql", "mysql" or "sqlite"
empty driver: ValueError: SqzGraph\PdoStore::schema(): Argument #1 ($driver) must be "pgsql", "mysql" or "sqlite"
table "": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "1abc": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a-b": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a b": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a.b.c": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table ".a": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a.": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a;DROP TABLE x": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a\u0000b": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "t\u00e4ble": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "\"a\"": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "`a`": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a.tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt": ValueError: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
