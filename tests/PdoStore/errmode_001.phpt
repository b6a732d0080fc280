--TEST--
PdoStore leaves the PDO as it found it: each error mode (exception, warning, silent) after failing and succeeding calls, no warning printed; other attributes (case, fetch mode, NULLs, stringified fetches, emulated or native prepares) neither change nor disturb it
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

$modes = ['EXCEPTION' => PDO::ERRMODE_EXCEPTION, 'WARNING' => PDO::ERRMODE_WARNING, 'SILENT' => PDO::ERRMODE_SILENT];
foreach (SQZ_TEST_DRIVERS as $driver) {
    echo "-- $driver\n";
    foreach ($modes as $name => $mode) {
        $pdo = sqz_test_pdo($driver, [PDO::ATTR_ERRMODE => $mode]);
        $table = sqz_test_table('errmode', $driver);
        $s = new PdoStore($pdo, ['table' => $table]);
        $after = [];
        foreach (['get', 'put', 'delete'] as $op) {   // the table does not exist yet
            try {
                $op === 'put' ? $s->put('k', 'v') : $s->$op('k');
                $after[] = "$op: no exception";
            } catch (SqzGraph\StoreException) {
            }
            $after[] = $pdo->getAttribute(PDO::ATTR_ERRMODE);
        }
        $s->createTable();
        $after[] = $pdo->getAttribute(PDO::ATTR_ERRMODE);
        $s->put('k', 'v');
        $after[] = $pdo->getAttribute(PDO::ATTR_ERRMODE);
        $v = $s->get('k');
        $after[] = $pdo->getAttribute(PDO::ATTR_ERRMODE);
        $s->lock('k', 0);
        $s->unlock('k');
        $s->delete('k');
        $after[] = $pdo->getAttribute(PDO::ATTR_ERRMODE);
        echo "$name: ", count(array_unique($after)) === 1 && $after[0] === $mode ? 'unchanged' : json_encode($after),
            ", read back ", var_export($v, true), "\n";
    }

    // the caller's other attributes
    $attrs = [
        PDO::ATTR_ERRMODE => PDO::ERRMODE_WARNING,
        PDO::ATTR_CASE => PDO::CASE_UPPER,
        PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_OBJ,
        PDO::ATTR_ORACLE_NULLS => PDO::NULL_EMPTY_STRING,
        PDO::ATTR_STRINGIFY_FETCHES => true,
    ];
    if ($driver !== 'sqlite') {
        // the other way round from each driver's default
        $attrs[PDO::ATTR_EMULATE_PREPARES] = $driver === 'pgsql';
    }
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'attrs', $attrs);
    $before = [];
    foreach (array_keys($attrs) as $a) {
        $before[$a] = $pdo->getAttribute($a);
    }
    $bin = "\0\x01\xff\xfe'\"\\%_ \r\n";
    $s->put($bin, $bin);
    $s->put('empty', '');
    $s->put('zero', '0');
    var_dump($s->get($bin) === $bin, $s->get('empty'), $s->get('zero'), $s->get('missing'));
    var_dump($s->lock('L', 0.0), $s->lock('L', 0.0));
    $s->unlock('L');
    $s->unlock('L');
    $s->delete($bin);
    var_dump($s->get($bin));
    $changed = [];
    foreach ($before as $a => $v) {
        if ($pdo->getAttribute($a) !== $v) {
            $changed[] = $a;
        }
    }
    echo 'attributes changed: ', json_encode($changed), "\n";
    // the caller's own query still sees its fetch mode and case
    $row = $pdo->query('SELECT 1 AS one')->fetch();
    echo get_class($row), ' ', json_encode($row), "\n";
}
?>
--EXPECT--
-- pgsql
EXCEPTION: unchanged, read back 'v'
WARNING: unchanged, read back 'v'
SILENT: unchanged, read back 'v'
bool(true)
string(0) ""
string(1) "0"
NULL
bool(true)
bool(true)
NULL
attributes changed: []
stdClass {"ONE":"1"}
-- mysql
EXCEPTION: unchanged, read back 'v'
WARNING: unchanged, read back 'v'
SILENT: unchanged, read back 'v'
bool(true)
string(0) ""
string(1) "0"
NULL
bool(true)
bool(true)
NULL
attributes changed: []
stdClass {"ONE":"1"}
-- sqlite
EXCEPTION: unchanged, read back 'v'
WARNING: unchanged, read back 'v'
SILENT: unchanged, read back 'v'
bool(true)
string(0) ""
string(1) "0"
NULL
bool(true)
bool(true)
NULL
attributes changed: []
stdClass {"ONE":"1"}
