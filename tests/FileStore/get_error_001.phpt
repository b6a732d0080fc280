--TEST--
FileStore::get(): a truncated, altered or foreign record is a StoreException naming the key, never "no record"
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('filestore-get-error-001');
$s = new SqzGraph\FileStore($dir);
$s->put('token:abc', '{"access_token":"secret"}');
$file = "$dir/k-token~3Aabc.rec";
$good = file_get_contents($file);

function show(SqzGraph\Store $s, string $dir): void
{
    try {
        var_dump($s->get('token:abc'));
    } catch (SqzGraph\StoreException $e) {
        echo str_replace($dir, 'DIR', $e->getMessage()), "\n";
        echo "  key: ", $e->key(), "\n";
    }
}

file_put_contents($file, substr($good, 0, 20));
show($s, $dir);
file_put_contents($file, substr($good, 0, -1));
show($s, $dir);
file_put_contents($file, $good . "x");
show($s, $dir);
$bad = $good;
$bad[60] = chr(ord($bad[60]) ^ 1);
file_put_contents($file, $bad);
show($s, $dir);
file_put_contents($file, '{"access_token":"planted"}');
show($s, $dir);
file_put_contents($file, '');
show($s, $dir);
// after deleting it, the key has no record (and can be written again)
$s->delete('token:abc');
show($s, $dir);
$s->put('token:abc', 'fresh');
show($s, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-filestore-get-error-001');
?>
--EXPECT--
record 'token:abc' in DIR is corrupt (k-token~3Aabc.rec: truncated to 20 bytes, shorter than the 48-byte header); restore it from a backup or delete it and authorize again
  key: token:abc
record 'token:abc' in DIR is corrupt (k-token~3Aabc.rec: the header announces 25 bytes of data but the file holds 24 (truncated or extended)); restore it from a backup or delete it and authorize again
  key: token:abc
record 'token:abc' in DIR is corrupt (k-token~3Aabc.rec: the header announces 25 bytes of data but the file holds 26 (truncated or extended)); restore it from a backup or delete it and authorize again
  key: token:abc
record 'token:abc' in DIR is corrupt (k-token~3Aabc.rec: checksum mismatch: the data was altered); restore it from a backup or delete it and authorize again
  key: token:abc
record 'token:abc' in DIR is corrupt (k-token~3Aabc.rec: not a sqzgraph record: the file does not start with SQZR); restore it from a backup or delete it and authorize again
  key: token:abc
record 'token:abc' in DIR is corrupt (k-token~3Aabc.rec: the file is empty); restore it from a backup or delete it and authorize again
  key: token:abc
NULL
string(5) "fresh"
