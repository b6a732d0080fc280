--TEST--
Concurrency on PostgreSQL (PdoStore, a connection per process): 4 processes find the same stale record at once → exactly one token request (the refresh lock is an advisory lock), all get the same new token
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require __DIR__ . '/../pgsql_store.inc';
sqz_test_db_skipif('pgsql');
?>
--FILE--
<?php
require __DIR__ . '/concurrency.inc';
sqz_concurrency('pgsql', 4, 'delegated', sqz_pg_table('concurrency_pgsql_001'));
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('concurrency_pgsql_001');
?>
--EXPECT--
children: 4
token requests: refresh_token
all got the new token: true
token changed: true
rotated refresh token stored: true
later caller: true, requests 0
