--TEST--
Concurrency: 4 processes find the same stale record at once (FileStore) → exactly one token request, all get the same new token
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/concurrency.inc';
sqz_concurrency('file');
?>
--EXPECT--
children: 4
token requests: refresh_token
all got the new token: true
token changed: true
rotated refresh token stored: true
later caller: true, requests 0
