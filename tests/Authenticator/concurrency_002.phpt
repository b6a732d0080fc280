--TEST--
Concurrency with a userland Store (PDO SQLite, tests/Store): 4 processes, one stale record → exactly one token request, all get the same new token
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/concurrency.inc';
sqz_concurrency('pdo');
?>
--EXPECT--
children: 4
token requests: refresh_token
all got the new token: true
token changed: true
rotated refresh token stored: true
later caller: true, requests 0
