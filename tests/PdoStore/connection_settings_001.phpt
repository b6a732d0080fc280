--TEST--
PdoStore with connection settings that break naive binary handling: MariaDB unbuffered queries (emulated and native prepares), SET NAMES latin1, sql_mode NO_BACKSLASH_ESCAPES + ANSI_QUOTES; PostgreSQL without server-side prepares and with emulated prepares
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_test_db_skipif('pgsql'); sqz_test_db_skipif('mysql'); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

$configs = [
    'mysql unbuffered' => ['mysql', [PDO::MYSQL_ATTR_USE_BUFFERED_QUERY => false]],
    'mysql unbuffered, native prepares' => ['mysql', [PDO::MYSQL_ATTR_USE_BUFFERED_QUERY => false, PDO::ATTR_EMULATE_PREPARES => false]],
    'mysql SET NAMES latin1' => ['mysql', [PDO::MYSQL_ATTR_INIT_COMMAND => 'SET NAMES latin1']],
    'mysql NO_BACKSLASH_ESCAPES' => ['mysql', [PDO::MYSQL_ATTR_INIT_COMMAND => "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES,ANSI_QUOTES'"]],
    'pgsql without server-side prepares' => ['pgsql', [PDO::PGSQL_ATTR_DISABLE_PREPARES => true]],
    'pgsql emulated prepares' => ['pgsql', [PDO::ATTR_EMULATE_PREPARES => true]],
];
// every byte value, quotes and backslashes in the key and the value
$key = implode('', array_map('chr', range(0, 254)));
$value = str_repeat(implode('', array_map('chr', range(0, 255))) . "\\'\"\\\\\0", 64);
foreach ($configs as $label => [$driver, $attrs]) {
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'settings', $attrs);
    $s->put($key, $value);
    $s->put('empty', '');
    $back = $s->get($key);
    $other = (new SqzGraph\PdoStore(sqz_test_pdo($driver), ['table' => $table]))->get($key);
    $locked = $s->lock($key, 0);
    $s->unlock($key);
    $s->delete($key);
    echo "$label: ", json_encode([$back === $value, $other === $value, $s->get('empty'), $locked, $s->get($key)]), "\n";
}
?>
--EXPECT--
mysql unbuffered: [true,true,"",true,null]
mysql unbuffered, native prepares: [true,true,"",true,null]
mysql SET NAMES latin1: [true,true,"",true,null]
mysql NO_BACKSLASH_ESCAPES: [true,true,"",true,null]
pgsql without server-side prepares: [true,true,"",true,null]
pgsql emulated prepares: [true,true,"",true,null]
