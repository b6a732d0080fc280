--TEST--
SealedStore::put(): the inner Store holds sealed bytes, never the value; a fresh nonce each time
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('sealed-put-001');
$inner = new SqzGraph\FileStore($dir);
$s = new SqzGraph\SealedStore($inner, 'c2VhbGVkIHN0b3JlIHRlc3Qga2V5IDMyIGJ5dGVzISE=');

$value = '{"access_token":"eyJ0eXAiOiJKV1QiLCJub25jZSI6","refresh_token":"0.AXkAm1Rk"}';
$s->put('token:1', $value);
$raw = $inner->get('token:1');
var_dump(substr($raw, 0, 5) === "SQZS\x01");
var_dump(strlen($raw) - strlen($value));            // magic, version, nonce, tag
var_dump(str_contains($raw, 'eyJ0eXAi'), str_contains($raw, 'access_token'), str_contains($raw, '0.AXkAm1Rk'));
var_dump($s->get('token:1') === $value);
// on disk too
$file = file_get_contents("$dir/k-token~3A1.rec");
var_dump(str_contains($file, 'eyJ0eXAi'), str_contains($file, 'refresh'));

// the same value twice: different nonces, different bytes
$s->put('token:1', $value);
$raw2 = $inner->get('token:1');
var_dump($raw2 === $raw, substr($raw2, 5, 12) === substr($raw, 5, 12));

// empty and binary values, binary keys
$s->put("\0k", '');
var_dump($s->get("\0k"), strlen($inner->get("\0k")));
$s->put('bin', "\0\xff\0");
var_dump(bin2hex($s->get('bin')));
var_dump($s->get('missing'));

// delete, lock and unlock reach the inner store
$s->delete('bin');
var_dump($inner->get('bin'));
var_dump($s->lock('L', 0), (new SqzGraph\FileStore($dir))->lock('L', 0));   // another object: excluded
$s->unlock('L');
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-sealed-put-001');
?>
--EXPECT--
bool(true)
int(33)
bool(false)
bool(false)
bool(false)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
string(0) ""
int(33)
string(6) "00ff00"
NULL
NULL
bool(true)
bool(false)
