--TEST--
FileStore::put(): files 0600 whatever the umask, no temp file left, names derived safely from keys
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('filestore-put-001');
umask(0);
$s = new SqzGraph\FileStore($dir);
$keys = ['token:0f3a', 'a/b', '../../x', "nul\0", 'ünï', '', '.hidden', str_repeat('y', 300)];
foreach ($keys as $k) {
    $s->put($k, "v");
    $s->put($k, "value of $k");   // overwrite: replaced by rename
}
$s->lock('a/b', 0);
umask(0777);
$s->put('masked', 'm');
umask(022);

foreach (scandir($dir) as $f) {
    if ($f !== '.' && $f !== '..') {
        echo sqz_mode("$dir/$f"), ' ', str_starts_with($f, 'h-') ? 'h-<sha256 hex>' . substr($f, 66) : $f, "\n";
    }
}
echo "no file outside: ", var_export(file_exists(dirname($dir) . '/x'), true), "\n";
foreach ($keys as $k) {
    if ($s->get($k) !== "value of $k") {
        echo "wrong value for ", bin2hex($k), "\n";
    }
}
// the hashed name is the SHA-256 of the key
var_dump(file_exists("$dir/h-" . hash('sha256', str_repeat('y', 300)) . '.rec'));
// a record file: header then the bytes
$raw = file_get_contents("$dir/k-token~3A0f3a.rec");
var_dump(substr($raw, 0, 5) === "SQZR\x01", substr($raw, 48), strlen($raw));
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-put-001');
?>
--EXPECT--
0600 h-<sha256 hex>.rec
0600 k-..~2F..~2Fx.rec
0600 k-.hidden.rec
0600 k-.rec
0600 k-a~2Fb.lock
0600 k-a~2Fb.rec
0600 k-masked.rec
0600 k-nul~00.rec
0600 k-token~3A0f3a.rec
0600 k-~C3~BCn~C3~AF.rec
no file outside: false
bool(true)
bool(true)
string(19) "value of token:0f3a"
int(67)
