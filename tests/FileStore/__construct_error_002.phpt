--TEST--
FileStore::__construct(): a directory owned by another user is refused (records would be unreadable to its owner)
--SKIPIF--
<?php
if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded');
if (!function_exists('posix_geteuid') || posix_geteuid() !== 0) die('skip needs root to chown');
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$root = sqz_test_dir('filestore-construct-error-002');
mkdir($root);
mkdir("$root/theirs", 0755);
chown("$root/theirs", 65534);
try {
    new SqzGraph\FileStore("$root/theirs");
} catch (SqzGraph\StoreException $e) {
    echo preg_replace(['~\S+ \(uid 65534\)~', '~\S+ \(uid 0\)~'], ['NOBODY', 'ROOT-USER'], str_replace($root, 'ROOT', $e->getMessage())), "\n";
}
echo "mode untouched: ", sqz_mode("$root/theirs"), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-construct-error-002');
?>
--EXPECT--
the FileStore directory ROOT/theirs belongs to NOBODY but this process runs as ROOT-USER; records written now would be unreadable to the other user. Run every job and the web server that use it as the same user, or give the directory to ROOT-USER (chown)
mode untouched: 0755
