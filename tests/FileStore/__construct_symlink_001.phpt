--TEST--
FileStore::__construct() as root never follows a symbolic link another user could have planted: a link owned by another user in a sticky world-writable directory (pointing at a root-owned directory) is refused, the directory it points at is neither changed nor written; a link root owns is followed; "/" itself (0755) is refused, not chmod-ed
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded');
if (!function_exists('posix_geteuid') || posix_geteuid() !== 0) die('skip needs root (a link owned by another user)'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$root = sqz_test_dir('filestore-symlink-001');
mkdir("$root/shared", 0777, true);
chmod("$root/shared", 01777);                  // like /tmp
mkdir("$root/rootdir", 0755);                  // a root-owned directory someone wants written
symlink("$root/rootdir", "$root/shared/store");
// planted by "nobody"; chown -h, not lchown(): a thread-safe PHP's lchown() resolves the link first
// (virtual_lchown) and would change the directory it points at instead.
exec('chown -h 65534 ' . escapeshellarg("$root/shared/store"), $out, $rc);
if ($rc !== 0 || lstat("$root/shared/store")['uid'] !== 65534) {
    echo "cannot give the link to another user\n";
}
try {
    new SqzGraph\FileStore("$root/shared/store");
    echo "no exception\n";
} catch (SqzGraph\StoreException $e) {
    echo preg_replace('~owned by \S+ \(uid \d+\)~', 'owned by OTHER', str_replace($root, 'ROOT', $e->getMessage())), "\n";
}
try {
    new SqzGraph\FileStore("$root/shared/store/deeper");
} catch (SqzGraph\StoreException $e) {
    echo preg_replace('~owned by \S+ \(uid \d+\)~', 'owned by OTHER', str_replace($root, 'ROOT', $e->getMessage())), "\n";
}
clearstatcache();
echo 'the directory it points at: ', sqz_mode("$root/rootdir"), ', ', json_encode(array_values(array_diff(scandir("$root/rootdir"), ['.', '..']))), "\n";

mkdir("$root/real", 0700);
symlink("$root/real", "$root/mine");           // root's own link: followed
$s = new SqzGraph\FileStore("$root/mine");
$s->put('k', 'v');
echo 'own link followed: ', json_encode(file_exists("$root/real/k-k.rec")), "\n";

try {
    new SqzGraph\FileStore('/');
} catch (SqzGraph\StoreException $e) {
    echo $e->getMessage(), "\n";
}
printf("/ is still %o\n", fileperms('/') & 07777);
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-symlink-001');
?>
--EXPECTF--
the FileStore directory ROOT/shared/store is reached through ROOT/shared/store, a symbolic link owned by OTHER; a link another user can change may point anywhere, so it is not followed: give the real path
the FileStore directory ROOT/shared/store/deeper is reached through ROOT/shared/store, a symbolic link owned by OTHER; a link another user can change may point anywhere, so it is not followed: give the real path
the directory it points at: 0755, []
own link followed: true
the FileStore directory / has mode %r(0755|0555)%r: other users can list or change what is in it, and tokens are kept there. Give the store a directory of its own with mode 0700 (chmod 700 /), or name a new directory and sqzgraph creates it so
/ is still %r(755|555)%r
