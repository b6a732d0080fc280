--TEST--
Concurrency, client credentials: 4 processes find no token at once → exactly one client_credentials request, all get the same token
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/concurrency.inc';
sqz_concurrency('file', 4, 'client_credentials');
?>
--EXPECT--
children: 4
token requests: client_credentials
all got the new token: true
token changed: true
later caller: true, requests 0
