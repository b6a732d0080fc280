--TEST--
Store contract: PdoStore on PostgreSQL
--SKIPIF--
<?php require __DIR__ . '/../db.inc'; sqz_test_db_skipif('pgsql'); ?>
--FILE--
<?php
require __DIR__ . '/contract.inc';
// the "path" of a PdoStore kind is its table, dropped when this test ends
$table = sqz_test_table('contract', 'pgsql');
$s = sqz_make_store('pdo-pgsql', $table);
store_contract($s, fn() => sqz_make_store('pdo-pgsql', $table), 'pdo-pgsql', $table);
?>
--EXPECT--
missing key: ok
round trip: ok
overwrite: ok
binary with NUL: ok
empty string: ok
1 MB value: ok
deleted: ok
delete missing: ok
tricky keys distinct: ok
tricky keys deleted: ok
second object reads: ok
lock: ok
second object times out: ok
waited the timeout: ok
other key free: ok
after unlock: ok
child holds lock: ok
parent times out: ok
parent waited: ok
released by death: ok
child times out: ok
reader saw both values: ok
every read whole: ok
