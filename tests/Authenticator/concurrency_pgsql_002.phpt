--TEST--
Rotation across processes on PostgreSQL (PdoStore): process A refreshes, process B and then an Authenticator made before both refresh with the refresh token the one before rotated into the table — the mock refuses each older one, no invalid_grant
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
require __DIR__ . '/../pgsql_store.inc';
sqz_test_db_skipif('pgsql');
?>
--FILE--
<?php
require __DIR__ . '/concurrency.inc';
sqz_rotation('pgsql', sqz_pg_table('concurrency_pgsql_002'));
?>
--CLEAN--
<?php
require __DIR__ . '/../pgsql_store.inc';
sqz_pg_clean('concurrency_pgsql_002');
?>
--EXPECT--
process A: token requests: refresh_token
  got the stored new token: true
  refresh token rotated: true
  the refresh token before is refused now: 400 invalid_grant 50173
process B: token requests: refresh_token
  got the stored new token: true
  refresh token rotated: true
  the refresh token before is refused now: 400 invalid_grant 50173
this process: token requests: refresh_token
  got the stored new token: true
  refresh token rotated: true
  the refresh token before is refused now: 400 invalid_grant 50173
a later caller: true, requests 0
