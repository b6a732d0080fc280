--TEST--
Store contract: userland PDO SQLite store
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); if (!extension_loaded('pdo_sqlite')) die('skip pdo_sqlite not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/contract.inc';
$path = sqz_test_dir('contract-pdo');
$s = sqz_make_store('pdo', $path);
store_contract($s, fn() => sqz_make_store('pdo', $path), 'pdo', $path);
?>
--CLEAN--
<?php
require __DIR__ . '/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-contract-pdo');
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
