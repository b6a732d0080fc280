--TEST--
FileStore::lock(): re-entrant per object, exclusive between objects, unlock of a key not held is a no-op, bad timeouts are ValueErrors
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('filestore-lock-001');
$a = new SqzGraph\FileStore($dir);
$b = new SqzGraph\FileStore($dir);

var_dump($a->lock('job', 0));
var_dump($a->lock('job', 0));      // again: counted
var_dump($b->lock('job', 0));      // other object: excluded
$a->unlock('job');
var_dump($b->lock('job', 0));      // still held once
$a->unlock('job');
var_dump($b->lock('job', INF));    // free now: INF returns at once
$a->unlock('job');                 // not held by $a: nothing happens
$a->unlock('never locked');
var_dump($a->lock('job', 0.05));
echo "lock file: ", sqz_mode("$dir/k-job.lock"), "\n";
var_dump($a->get('job'));         // a lock is not a record

foreach ([-1.0, -0.001, NAN, -INF] as $t) {
    try {
        $a->lock('job', $t);
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
// freeing the object releases its locks
$b = null;
var_dump($a->lock('job', 0));
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-lock-001');
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
bool(false)
bool(true)
bool(false)
lock file: 0600
NULL
SqzGraph\FileStore::lock(): Argument #2 ($timeoutSeconds) must be greater than or equal to 0
SqzGraph\FileStore::lock(): Argument #2 ($timeoutSeconds) must be greater than or equal to 0
SqzGraph\FileStore::lock(): Argument #2 ($timeoutSeconds) must be greater than or equal to 0
SqzGraph\FileStore::lock(): Argument #2 ($timeoutSeconds) must be greater than or equal to 0
bool(true)
