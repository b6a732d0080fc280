--TEST--
SealedStore::get(): a plaintext record written before sealing is read as is and sealed by the next put (migration)
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('sealed-get-001');
$inner = new SqzGraph\FileStore($dir);
$inner->put('token:1', '{"access_token":"legacy"}');

$s = new SqzGraph\SealedStore($inner, 'a key configured later');
var_dump($s->get('token:1'));
$s->put('token:1', '{"access_token":"refreshed"}');
var_dump(substr($inner->get('token:1'), 0, 4));
var_dump($s->get('token:1'));

// ... but a sealed record whose magic was hit by a bit flip is not "plaintext"
$raw = $inner->get('token:1');
$raw[2] = chr(ord($raw[2]) ^ 0x08);
$inner->put('token:1', $raw);
try {
    $s->get('token:1');
} catch (SqzGraph\StoreException $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-sealed-get-001');
?>
--EXPECT--
string(25) "{"access_token":"legacy"}"
string(4) "SQZS"
string(28) "{"access_token":"refreshed"}"
record 'token:1' is corrupt (a sealed record whose header was altered); restore it from a backup or delete it and authorize again
