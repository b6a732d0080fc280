--TEST--
PdoStore::schema(): the DDL runs on PostgreSQL, MariaDB and SQLite (twice: IF NOT EXISTS), and a PdoStore works on the table it made
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

$columns = [
    'pgsql' => "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
    'mysql' => "SELECT column_name, column_type, is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position",
];
foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    $pdo = sqz_test_pdo($driver, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    $table = sqz_test_table('schema', $driver);
    $pdo->exec(PdoStore::schema($driver, $table));
    $pdo->exec(PdoStore::schema($driver, $table));
    if ($driver === 'sqlite') {
        $st = $pdo->query("SELECT name, type, \"notnull\" FROM pragma_table_info('$table') ORDER BY cid");
    } else {
        $st = $pdo->prepare($columns[$driver]);
        $st->execute([$table]);
    }
    foreach ($st->fetchAll(PDO::FETCH_NUM) as $row) {
        echo implode(' ', $row), "\n";
    }
    $s = new PdoStore($pdo, ['table' => $table]);
    $s->put("k\0", "v\0\xff");
    var_dump($s->get("k\0") === "v\0\xff");
    $s->createTable();   // on a table the DDL made
    echo 'rows: ', $pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn(), "\n";
}
?>
--EXPECT--
-- pgsql
ns bytea NO
k bytea NO
v bytea NO
updated_at bigint NO
bool(true)
rows: 1
-- mysql
ns varbinary(255) NO
k varbinary(255) NO
v longblob NO
updated_at bigint(20) NO
bool(true)
rows: 1
-- sqlite
ns BLOB 1
k BLOB 1
v BLOB 1
updated_at INTEGER 1
bool(true)
rows: 1
