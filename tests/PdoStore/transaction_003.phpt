--TEST--
PdoStore on MariaDB after the caller ran SET autocommit = 0 as SQL (PDO's ATTR_AUTOCOMMIT still says on): put and delete refused instead of written into an implicit transaction that nobody commits
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_test_db_skipif('mysql'); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

[$s, $pdo, $table] = sqz_pdo_store('mysql', 'autocommit_sql', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$other = new SqzGraph\PdoStore(sqz_test_pdo('mysql'), ['table' => $table]);
$s->put('k', 'before');
$pdo->exec('SET autocommit = 0');
foreach (['put' => fn() => $s->put('k', 'after'), 'delete' => fn() => $s->delete('k')] as $op => $fn) {
    try {
        $fn();
        echo "$op: returned\n";
    } catch (SqzGraph\StoreException $e) {
        echo "$op: StoreException, refused: ", var_export(str_contains($e->getMessage(), "$op of record 'k' refused"), true), "\n";
    }
    // a write that returned is committed: another connection sees it
    echo 'another connection reads: ', var_export($other->get('k'), true), "\n";
    echo 'transaction left open by the store: ', var_export($pdo->inTransaction(), true), "\n";
    $pdo->exec('ROLLBACK');
}
?>
--EXPECT--
put: StoreException, refused: true
another connection reads: 'before'
transaction left open by the store: false
delete: StoreException, refused: true
another connection reads: 'before'
transaction left open by the store: false
