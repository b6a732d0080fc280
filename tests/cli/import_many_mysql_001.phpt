--TEST--
sqzgraph on MariaDB (the test server of scripts/test.sh): two mailboxes in one table under their store_namespace, the password from store_password_file (its newline dropped); store-init; import --config-dir --parallel 2; a mailbox whose import lock another process holds through its own connection (a GET_LOCK, as another host would) is "locked", exit 0; refresh-tokens; a wrong password says what to check (exit 2); no password in any output
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
require __DIR__ . '/../db.inc';
sqz_test_db_skipif('mysql');
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/import_many_db.inc';
cli_import_many_db('mysql');
?>
--EXPECT--
store-init --config-dir DIR/conf.d: exit 0
DIR/conf.d/a.ini: table TABLE ready in DSN
DIR/conf.d/b.ini: table TABLE ready in DSN
import --config-dir DIR/conf.d --target DIR/spool --parallel 2: exit 0
DIR/conf.d/a.ini: imported 5, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/b.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
refresh-tokens --config-dir DIR/conf.d: exit 0
DIR/conf.d/a.ini: valid (expires TIME)
DIR/conf.d/b.ini: valid (expires TIME)
rows:
  admin@contoso.example | import.journal
  admin@contoso.example | token
  o'brien+mail@contoso.example | import.journal
  o'brien+mail@contoso.example | token
--- another process holds a's import lock on its own connection
holder: locked
import --config-dir DIR/conf.d --target DIR/spool --parallel 2: exit 0
DIR/conf.d/a.ini: locked: another run holds this mailbox (on this host or another); nothing done
DIR/conf.d/b.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
holder exit: 0
import --config-dir DIR/conf.d --target DIR/spool: exit 0
DIR/conf.d/a.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/b.ini: imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
spool: a 6, b 2
--- a wrong password
status --config DIR/conf.d/a.ini: exit 2
sqzgraph: DIR/conf.d/a.ini: cannot connect to the database store_dsn = DSN as user USER: SQLSTATE[…] …; check store_user and the password (store_password_file or store_password)
password in any output: 0