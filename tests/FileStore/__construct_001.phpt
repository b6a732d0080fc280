--TEST--
FileStore::__construct(): creates the directory and its parents, leaf 0700 whatever the umask; tightens an open one
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$root = sqz_test_dir('filestore-construct-001');
mkdir($root);

umask(0);
$s = new SqzGraph\FileStore("$root/a/b/store");
echo "leaf: ", sqz_mode("$root/a/b/store"), "\n";
echo "parent: ", sqz_mode("$root/a/b"), "\n";   // mkdir -p: the umask decides
var_dump($s->directory() === "$root/a/b/store");

umask(0777);
new SqzGraph\FileStore("$root/masked");
umask(022);
echo "under umask 0777: ", sqz_mode("$root/masked"), "\n";

mkdir("$root/open", 0777);
chmod("$root/open", 0755);
file_put_contents("$root/open/unrelated.txt", "x");
new SqzGraph\FileStore("$root/open");
echo "existing 0755 tightened to: ", sqz_mode("$root/open"), "\n";
echo "its files kept: ", file_get_contents("$root/open/unrelated.txt"), "\n";

// relative paths are made absolute once, at construction
chdir($root);
$r = new SqzGraph\FileStore('rel/store');
chdir('/');
var_dump($r->directory() === "$root/rel/store");
$r->put('k', 'still here');
var_dump(file_exists("$root/rel/store/k-k.rec"));

// a trailing slash is fine
$t = new SqzGraph\FileStore("$root/a/b/store/");
var_dump($t->get('nothing'));
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-construct-001');
?>
--EXPECT--
leaf: 0700
parent: 0777
bool(true)
under umask 0777: 0700
existing 0755 tightened to: 0700
its files kept: x
bool(true)
bool(true)
NULL
