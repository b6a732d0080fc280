--TEST--
PdoStore never shows the database password (nor the DSN): not in any StoreException (message, trace, var_dump), not in var_dump/print_r/var_export of the store
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_test_db_skipif('pgsql'); sqz_test_db_skipif('mysql'); ?>
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

foreach (['pgsql', 'mysql'] as $driver) {
    echo "-- $driver\n";
    $password = sqz_test_db_password($driver);
    $dsn = getenv(sqz_test_db_env_prefix($driver) . '_DSN');
    echo 'a password to look for: ', var_export(strlen($password) >= 16, true), "\n";
    [$s, $pdo, $table] = sqz_pdo_store($driver, 'secret', [], false);
    ob_start();
    foreach ([fn() => $s->get('token'), fn() => $s->put('token', 'v'), fn() => $s->delete('token'),
        fn() => (new SqzGraph\PdoStore($pdo, ['table' => 'mysql.user']))->get('k'),
        fn() => (new SqzGraph\PdoStore($pdo, ['table' => 'pg_catalog.pg_authid']))->get('k')] as $fn) {
        try {
            $fn();
            echo "no exception\n";
        } catch (SqzGraph\StoreException $e) {
            echo $e, "\n";
            var_dump($e);
            echo $e->getTraceAsString(), "\n";
        }
    }
    var_dump($s);
    print_r($s);
    var_export($s);
    echo json_encode((array) $s), "\n";
    $all = ob_get_clean();
    // each twice: echo $e, and var_dump($e)'s cached string
    echo 'exceptions: ', substr_count($all, 'SqzGraph\StoreException: PdoStore (' . $driver), "\n";
    echo 'password shown: ', var_export(str_contains($all, $password), true), "\n";
    echo 'DSN shown: ', var_export(str_contains($all, $dsn) || str_contains($all, substr($dsn, strpos($dsn, '=') + 1, 20)), true), "\n";
}
?>
--EXPECT--
-- pgsql
a password to look for: true
exceptions: 10
password shown: false
DSN shown: false
-- mysql
a password to look for: true
exceptions: 10
password shown: false
DSN shown: false
