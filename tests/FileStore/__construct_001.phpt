--TEST--
FileStore::__construct(): creates what is missing — the directory and its parents — with mode 0700 whatever the umask; never changes the mode of a directory it did not create: a group- or world-accessible one is refused with the command that fixes it, and left as it is
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
echo "parents: ", sqz_mode("$root/a/b"), ' ', sqz_mode("$root/a"), "\n";
var_dump($s->directory() === "$root/a/b/store");

umask(0777);
new SqzGraph\FileStore("$root/masked/store");
umask(022);
echo "under umask 0777: ", sqz_mode("$root/masked"), ' ', sqz_mode("$root/masked/store"), "\n";

mkdir("$root/open", 0777);
chmod("$root/open", 0755);
file_put_contents("$root/open/unrelated.txt", "x");
try {
    new SqzGraph\FileStore("$root/open");
    echo "no exception\n";
} catch (SqzGraph\StoreException $e) {
    echo get_class($e), ': ', str_replace($root, 'ROOT', $e->getMessage()), "\n";
}
echo "existing 0755 left: ", sqz_mode("$root/open"), "\n";
echo "its files kept: ", file_get_contents("$root/open/unrelated.txt"), "\n";
chmod("$root/open", 0700);
new SqzGraph\FileStore("$root/open");
echo "after chmod 700: opens\n";
chmod("$root/open", 0500);
try {
    new SqzGraph\FileStore("$root/open");
} catch (SqzGraph\StoreException $e) {
    echo str_replace($root, 'ROOT', $e->getMessage()), "\n";
}
chmod("$root/open", 0700);

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
parents: 0700 0700
bool(true)
under umask 0777: 0700 0700
SqzGraph\StoreException: the FileStore directory ROOT/open has mode 0755: other users can list or change what is in it, and tokens are kept there. Give the store a directory of its own with mode 0700 (chmod 700 ROOT/open), or name a new directory and sqzgraph creates it so
existing 0755 left: 0755
its files kept: x
after chmod 700: opens
the FileStore directory ROOT/open has mode 0500: its owner cannot read, write and enter it, and tokens are kept there. Give the store a directory of its own with mode 0700 (chmod 700 ROOT/open), or name a new directory and sqzgraph creates it so
bool(true)
bool(true)
NULL
