--TEST--
FileStore::get(): an unreadable record (a directory, a symlink, a FIFO in its place) is a StoreException with the reason
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('filestore-get-error-002');
$s = new SqzGraph\FileStore($dir);

function show(SqzGraph\Store $s, string $key, string $dir): void
{
    try {
        var_dump($s->get($key));
    } catch (SqzGraph\StoreException $e) {
        echo str_replace($dir, 'DIR', $e->getMessage()), "\n";
    }
}

mkdir("$dir/k-adir.rec");
show($s, 'adir', $dir);
symlink('/etc/hostname', "$dir/k-alink.rec");
show($s, 'alink', $dir);
if (function_exists('posix_mkfifo')) {
    posix_mkfifo("$dir/k-afifo.rec", 0600);
} else {
    mkdir("$dir/k-afifo.rec");   // keeps the expected output: also not a regular file
}
show($s, 'afifo', $dir);
// a binary key is shown escaped in the message
mkdir("$dir/k-~00~FF.rec");
show($s, "\0\xff", $dir);

// writing over a directory fails and leaves no temporary file behind
try {
    $s->put('adir', 'x');
} catch (SqzGraph\StoreException $e) {
    echo preg_replace('~: [^:;]+; check~', ': REASON; check', str_replace($dir, 'DIR', $e->getMessage())), "\n";
}
echo "temp files: ", count(glob("$dir/*.tmp-*")), "\n";
// deleting it is an error too, not "missing"
try {
    $s->delete('adir');
} catch (SqzGraph\StoreException $e) {
    echo str_replace($dir, 'DIR', $e->getMessage()), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-get-error-002');
?>
--EXPECTF--
cannot read record 'adir' in DIR: k-adir.rec is a directory, not a record file; move it away
cannot read record 'alink' in DIR: k-alink.rec is a symbolic link, which a FileStore never writes; remove it
cannot read record 'afifo' in DIR: k-afifo.rec is %s, not a record file; move it away
cannot read record '\x00\xff' in DIR: k-~00~FF.rec is a directory, not a record file; move it away
cannot write record 'adir' in DIR: rename failed: REASON; check free space and that the directory is writable
temp files: 0
cannot delete record 'adir' in DIR: unlink k-adir.rec: Is a directory
