--TEST--
FileStore::__construct(): a directory that cannot be created or opened is a StoreException; bad arguments are ValueErrors
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$root = sqz_test_dir('filestore-construct-error-001');
mkdir($root);
file_put_contents("$root/file", 'x');

function attempt(string $dir, string $root): void
{
    try {
        new SqzGraph\FileStore($dir);
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', preg_replace('~(root|\w+) \(uid \d+\)~', 'USER', str_replace($root, 'ROOT', $e->getMessage())), "\n";
        if ($e instanceof SqzGraph\StoreException) {
            var_dump($e->key());
        }
    }
}

attempt("$root/file/store", $root);
attempt("$root/file", $root);
attempt('', $root);
attempt("$root/nul\0byte", $root);
var_dump(is_dir("$root/nul"));

// clone and serialize are refused
$s = new SqzGraph\FileStore("$root/ok");
try {
    clone $s;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    serialize($s);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $s->__construct("$root/other");
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(is_dir("$root/other"));
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-construct-error-001');
?>
--EXPECT--
SqzGraph\StoreException: cannot use ROOT/file/store as the FileStore directory: ROOT/file is a file, not a directory
NULL
SqzGraph\StoreException: cannot use ROOT/file as the FileStore directory: ROOT/file is a file, not a directory
NULL
ValueError: SqzGraph\FileStore::__construct(): Argument #1 ($directory) must not be empty
ValueError: SqzGraph\FileStore::__construct(): Argument #1 ($directory) must not contain any null bytes
bool(false)
Error: Trying to clone an uncloneable object of class SqzGraph\FileStore
Exception: Serialization of 'SqzGraph\FileStore' is not allowed
Error: SqzGraph\FileStore::__construct() cannot be called twice
bool(false)
