--TEST--
PdoStore: a 16 MiB binary value round trip on each engine (native and emulated prepares), one byte more refused before any statement
--SKIPIF--
<?php
require __DIR__ . '/pdo_store.inc';
sqz_pdo_skipif_all();
// Five 16 MiB round trips take minutes under valgrind and test no other code
// path than the contract's 1 MiB values do there: this one runs in the first pass.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip the size limit is checked in the pass without valgrind');
?>
--INI--
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

$max = 16 * 1024 * 1024;
// every byte value, not compressible, the same for all engines
$big = substr(str_repeat(random_bytes(65536) . implode('', array_map('chr', range(0, 255))), 256), 0, $max);
$configs = [
    ['pgsql', []],
    ['pgsql', [PDO::ATTR_EMULATE_PREPARES => true]],
    ['mysql', []],
    ['mysql', [PDO::ATTR_EMULATE_PREPARES => false]],
    ['sqlite', []],
];
foreach ($configs as [$driver, $attrs]) {
    echo "-- $driver", $attrs ? ' (the other prepares)' : '', "\n";
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'big', $attrs);
    $s->put('big', $big);
    $got = $s->get('big');
    echo 'round trip: ', var_export($got === $big, true), ', ', strlen((string) $got), " bytes\n";
    unset($got);
    // read by another connection
    $t = new SqzGraph\PdoStore(sqz_test_pdo($driver, $attrs), ['table' => $table]);
    echo 'other connection: ', var_export($t->get('big') === $big, true), "\n";
    sqz_pdo_try('one byte more', fn() => $s->put('big', $big . 'x'), $table);
    echo 'still the old value: ', var_export($s->get('big') === $big, true), "\n";
}
?>
--EXPECT--
-- pgsql
round trip: true, 16777216 bytes
other connection: true
one byte more: SqzGraph\StoreException: PdoStore (pgsql, table "T"): the value for record 'big' has 16777217 bytes, more than the 16 MiB a PdoStore record holds
still the old value: true
-- pgsql (the other prepares)
round trip: true, 16777216 bytes
other connection: true
one byte more: SqzGraph\StoreException: PdoStore (pgsql, table "T"): the value for record 'big' has 16777217 bytes, more than the 16 MiB a PdoStore record holds
still the old value: true
-- mysql
round trip: true, 16777216 bytes
other connection: true
one byte more: SqzGraph\StoreException: PdoStore (mysql, table "T"): the value for record 'big' has 16777217 bytes, more than the 16 MiB a PdoStore record holds
still the old value: true
-- mysql (the other prepares)
round trip: true, 16777216 bytes
other connection: true
one byte more: SqzGraph\StoreException: PdoStore (mysql, table "T"): the value for record 'big' has 16777217 bytes, more than the 16 MiB a PdoStore record holds
still the old value: true
-- sqlite
round trip: true, 16777216 bytes
other connection: true
one byte more: SqzGraph\StoreException: PdoStore (sqlite, table "T"): the value for record 'big' has 16777217 bytes, more than the 16 MiB a PdoStore record holds
still the old value: true
