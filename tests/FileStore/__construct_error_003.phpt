--TEST--
FileStore::__construct(): a directory outside open_basedir is a StoreException (raised before any filesystem call)
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--INI--
open_basedir={PWD}
--FILE--
<?php
$outside = '/var/tmp/sqzgraph-test-filestore-construct-error-003';
try {
    new SqzGraph\FileStore($outside);
} catch (SqzGraph\StoreException $e) {
    echo str_replace(__DIR__, 'PWD', $e->getMessage()), "\n";
}
?>
--EXPECT--
the FileStore directory /var/tmp/sqzgraph-test-filestore-construct-error-003 is outside open_basedir (PWD); allow it there or choose another directory
