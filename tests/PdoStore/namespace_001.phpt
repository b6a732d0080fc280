--TEST--
PdoStore option namespace: stores of several mailboxes share one table, each sees only its own records (the same keys), bytes namespaces
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    [$default, $pdo, $table] = sqz_pdo_store($driver, 'ns');
    $a = new PdoStore($pdo, ['table' => $table, 'namespace' => 'a@contoso.com']);
    $b = new PdoStore(sqz_test_pdo($driver), ['table' => $table, 'namespace' => "b\0\xff"]);
    var_dump($a->namespace(), $b->namespace() === "b\0\xff");
    $default->put('token', 'default');
    $a->put('token', 'for a');
    $b->put('token', 'for b');
    var_dump($default->get('token'), $a->get('token'), $b->get('token'));
    $a->delete('token');
    var_dump($default->get('token'), $a->get('token'), $b->get('token'));
    echo 'rows: ', $pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn(), "\n";
    $ns = $pdo->query("SELECT ns FROM $table ORDER BY ns")->fetchAll(PDO::FETCH_COLUMN);
    echo 'ns column: ', json_encode(array_map(fn($v) => bin2hex(is_resource($v) ? stream_get_contents($v) : $v), $ns)), "\n";
}
?>
--EXPECT--
-- pgsql
string(13) "a@contoso.com"
bool(true)
string(7) "default"
string(5) "for a"
string(5) "for b"
string(7) "default"
NULL
string(5) "for b"
rows: 2
ns column: ["","6200ff"]
-- mysql
string(13) "a@contoso.com"
bool(true)
string(7) "default"
string(5) "for a"
string(5) "for b"
string(7) "default"
NULL
string(5) "for b"
rows: 2
ns column: ["","6200ff"]
-- sqlite
string(13) "a@contoso.com"
bool(true)
string(7) "default"
string(5) "for a"
string(5) "for b"
string(7) "default"
NULL
string(5) "for b"
rows: 2
ns column: ["","6200ff"]
