--TEST--
SealedStore::get(): another encryption key is a StoreException that says so, not "no record"
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('sealed-get-error-001');
$inner = new SqzGraph\FileStore($dir);
(new SqzGraph\SealedStore($inner, 'the original key'))->put('token:fp', 'value');

$other = new SqzGraph\SealedStore($inner, 'a different key');
try {
    var_dump($other->get('token:fp'));
} catch (SqzGraph\Exception $e) {
    echo get_class($e), "\n", $e->getMessage(), "\n";
    var_dump($e->key());
}
// the same key in another object opens it
var_dump((new SqzGraph\SealedStore(new SqzGraph\FileStore($dir), 'the original key'))->get('token:fp'));
// a missing record stays null under any key
var_dump($other->get('token:none'));
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-sealed-get-error-001');
?>
--EXPECT--
SqzGraph\StoreException
record 'token:fp' cannot be decrypted: the encryption_key does not match the one it was sealed with (or the record was altered); configure the original encryption_key, or delete the record and authorize again
string(8) "token:fp"
string(5) "value"
NULL
