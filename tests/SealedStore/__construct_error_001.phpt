--TEST--
SealedStore::__construct(): an empty key is a ValueError, a non-Store a TypeError
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('sealed-construct-error-001');
$inner = new SqzGraph\FileStore($dir);
foreach ([fn() => new SqzGraph\SealedStore($inner, ''), fn() => new SqzGraph\SealedStore(new stdClass, 'k')] as $f) {
    try {
        $f();
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// a SealedStore over a SealedStore is fine (two layers)
$double = new SqzGraph\SealedStore(new SqzGraph\SealedStore($inner, 'inner key'), 'outer key');
$double->put('k', 'v');
var_dump($double->get('k'), strlen($inner->get('k')));
try {
    $double->lock('k', -1);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-sealed-construct-error-001');
?>
--EXPECT--
ValueError: SqzGraph\SealedStore::__construct(): Argument #2 ($encryptionKey) must not be empty
TypeError: SqzGraph\SealedStore::__construct(): Argument #1 ($inner) must be of type SqzGraph\Store, stdClass given
string(1) "v"
int(67)
SqzGraph\SealedStore::lock(): Argument #2 ($timeoutSeconds) must be greater than or equal to 0
