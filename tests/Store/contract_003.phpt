--TEST--
Store contract: SealedStore over FileStore
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/contract.inc';
$path = sqz_test_dir('contract-sealed-file');
$s = sqz_make_store('sealed-file', $path);
store_contract($s, fn() => sqz_make_store('sealed-file', $path), 'sealed-file', $path);
?>
--CLEAN--
<?php
require __DIR__ . '/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-contract-sealed-file');
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
