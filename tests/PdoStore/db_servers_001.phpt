--TEST--
The test databases: PostgreSQL >= 12 and MariaDB >= 10.5, on unix sockets only, password users (scripts/db-servers.sh)
--SKIPIF--
<?php
require __DIR__ . '/../db.inc';
sqz_test_db_skipif('pgsql');
sqz_test_db_skipif('mysql');
?>
--FILE--
<?php
require __DIR__ . '/../db.inc';

echo "-- PostgreSQL\n";
$dsn = getenv('SQZ_PGSQL_DSN');
var_dump((bool) preg_match('~^pgsql:host=(/[^;]+);dbname=sqzgraph_test$~', $dsn, $m));
var_dump(file_exists($m[1] . '/.s.PGSQL.5432'));
$pg = sqz_test_pdo('pgsql', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$version = (int) $pg->query('SHOW server_version_num')->fetchColumn();
echo 'version >= 12: ', var_export($version >= 120000, true), "\n";
echo 'listen_addresses: ', var_export($pg->query('SHOW listen_addresses')->fetchColumn(), true), "\n";
// NULL on a unix-socket connection
echo 'server address: ', var_export($pg->query('SELECT inet_server_addr()')->fetchColumn(), true), "\n";
echo 'user, database: ', implode(', ', $pg->query('SELECT current_user, current_database()')->fetch(PDO::FETCH_NUM)), "\n";
echo 'superuser: ', $pg->query('SHOW is_superuser')->fetchColumn(), "\n";
try {
    new PDO($dsn, getenv('SQZ_PGSQL_USER'), 'wrong password');
    echo "a wrong password was accepted\n";
} catch (PDOException $e) {
    echo 'wrong password: ', $e->getCode(), ' ', str_contains($e->getMessage(), 'password authentication failed') ? 'refused' : $e->getMessage(), "\n";
}

echo "-- MariaDB\n";
$dsn = getenv('SQZ_MYSQL_DSN');
var_dump((bool) preg_match('~^mysql:unix_socket=(/[^;]+);dbname=sqzgraph_test$~', $dsn, $m));
$my = sqz_test_pdo('mysql', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$version = (string) $my->query('SELECT VERSION()')->fetchColumn();
var_dump(str_contains($version, 'MariaDB'));
echo 'version >= 10.5: ', var_export(version_compare(preg_replace('/-.*/', '', $version), '10.5', '>='), true), "\n";
$vars = $my->query("SHOW VARIABLES WHERE Variable_name IN ('skip_networking', 'socket', 'max_allowed_packet')")->fetchAll(PDO::FETCH_KEY_PAIR);
echo 'skip_networking: ', $vars['skip_networking'], "\n";
echo 'socket is the DSN\'s: ', var_export($vars['socket'] === $m[1], true), "\n";
echo 'max_allowed_packet: ', $vars['max_allowed_packet'], "\n";
echo 'user, database: ', implode(', ', $my->query('SELECT CURRENT_USER(), DATABASE()')->fetch(PDO::FETCH_NUM)), "\n";
try {
    new PDO($dsn, getenv('SQZ_MYSQL_USER'), 'wrong password');
    echo "a wrong password was accepted\n";
} catch (PDOException $e) {
    echo 'wrong password: ', $e->getCode(), "\n";
}
?>
--EXPECT--
-- PostgreSQL
bool(true)
bool(true)
version >= 12: true
listen_addresses: ''
server address: NULL
user, database: sqzgraph, sqzgraph_test
superuser: off
wrong password: 7 refused
-- MariaDB
bool(true)
bool(true)
version >= 10.5: true
skip_networking: ON
socket is the DSN's: true
max_allowed_packet: 67108864
user, database: sqzgraph@localhost, sqzgraph_test
wrong password: 1045
