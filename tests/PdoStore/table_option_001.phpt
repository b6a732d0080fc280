--TEST--
PdoStore option table: validated (never interpolated), schema-qualified names and reserved words work
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

$pdo = sqz_test_pdo('sqlite');
foreach (['', '1abc', 'a-b', 'a b', 'a.b.c', '.a', 'a.', 'x; DROP TABLE y', "a\0b", 'täble', '"a"', '`a`', "a'b",
    str_repeat('t', 64), str_repeat('s', 64) . '.t'] as $table) {
    sqz_pdo_try('table ' . json_encode($table), fn() => new PdoStore($pdo, ['table' => $table]));
}
echo 'longest: ', strlen((new PdoStore($pdo, ['table' => str_repeat('s', 63) . '.' . str_repeat('t', 63)]))->table()), "\n";

echo "-- pgsql: a table in a schema of its own, named by a reserved word\n";
$pg = sqz_test_pdo('pgsql', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$schema = sqz_test_table('schema');
$pg->exec("CREATE SCHEMA $schema");
try {
    $s = new PdoStore($pg, ['table' => "$schema.select"]);
    echo $s->table() === "$schema.select" ? "table(): schema.select\n" : "table(): {$s->table()}\n";
    sqz_pdo_try('before createTable', fn() => $s->get('k'), $schema);
    $s->createTable();
    $s->put('k', 'in the schema');
    var_dump($s->get('k'));
    echo 'where: ', implode(' ', $pg->query("SELECT table_schema = '$schema', table_name FROM information_schema.tables WHERE table_name = 'select'")->fetch(PDO::FETCH_NUM)), "\n";
    echo 'rows: ', $pg->query("SELECT COUNT(*) FROM \"$schema\".\"select\"")->fetchColumn(), "\n";
    // same key, default schema search path: another table
    [$t, , $plain] = sqz_pdo_store('pgsql', 'plain');
    var_dump($t->get('k'));
    // a quoted name keeps its case
    $u = new PdoStore($pg, ['table' => "$schema.MiXed"]);
    $u->createTable();
    echo 'case kept: ', $pg->query("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'MiXed'")->fetchColumn(), "\n";
} finally {
    $pg->exec("DROP SCHEMA $schema CASCADE");
}

echo "-- mysql: database.table, a reserved word\n";
$my = sqz_test_pdo('mysql', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$table = sqz_test_table('order', 'mysql');
$s = new PdoStore($my, ['table' => "sqzgraph_test.$table"]);
$s->createTable();
$s->put('k', 'qualified');
var_dump((new PdoStore($my, ['table' => $table]))->get('k'));
$order = new PdoStore($my, ['table' => 'order']);
register_shutdown_function('sqz_test_drop_table', 'mysql', 'order');
$order->createTable();
$order->put('k', 'in `order`');
var_dump($order->get('k'));
sqz_pdo_try('another database', fn() => (new PdoStore($my, ['table' => 'mysql.user']))->get('k'));

echo "-- sqlite: main.table\n";
$lite = sqz_test_pdo('sqlite');
$table = sqz_test_table('lite', 'sqlite');
$s = new PdoStore($lite, ['table' => "main.$table"]);
$s->createTable();
$s->put('k', 'main');
var_dump((new PdoStore($lite, ['table' => $table]))->get('k'));
?>
--EXPECT--
table "": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "1abc": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a-b": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a b": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a.b.c": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table ".a": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a.": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "x; DROP TABLE y": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a\u0000b": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "t\u00e4ble": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "\"a\"": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "`a`": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "a'b": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
table "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss.t": ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
longest: 127
-- pgsql: a table in a schema of its own, named by a reserved word
table(): schema.select
before createTable: SqzGraph\StoreException: PdoStore (pgsql, table "T.select"): get of record 'k' failed: SQLSTATE[42P01]: ERROR:  relation "T.select" does not exist; the table does not exist: run createTable() or apply the DDL of SqzGraph\PdoStore::schema('pgsql', 'T.select') in your migrations
string(13) "in the schema"
where: 1 select
rows: 1
NULL
case kept: 1
-- mysql: database.table, a reserved word
string(9) "qualified"
string(10) "in `order`"
another database: SqzGraph\StoreException: PdoStore (mysql, table "mysql.user"): get of record 'k' failed: SQLSTATE[42000]: SELECT command denied to user 'sqzgraph'@'localhost' for table `mysql`.`user`
-- sqlite: main.table
string(4) "main"
