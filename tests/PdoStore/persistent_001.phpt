--TEST--
PdoStore::__construct(): a persistent PDO (PDO::ATTR_PERSISTENT) is refused for PostgreSQL and MariaDB, whose locks live in the connection's session (it outlives the request, and a fatal error would leave a lock held in the PHP worker); the same database without it works, and SQLite's persistent PDO is accepted (its locks are the PdoStore's own files)
--SKIPIF--
<?php require __DIR__ . '/pdo_store.inc'; sqz_pdo_skipif_all(); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

foreach (SQZ_TEST_DRIVERS as $driver) {
    $persistent = sqz_test_pdo($driver, [PDO::ATTR_PERSISTENT => true]);
    echo "$driver, persistent: ", var_export($persistent->getAttribute(PDO::ATTR_PERSISTENT), true), "\n";
    sqz_pdo_try("  PdoStore", fn () => (new PdoStore($persistent))->driver());
    [$store, , $table] = sqz_pdo_store($driver, 'persist');
    $store->put('k', 'v');
    $got = $store->lock('k', 1.0);
    $store->unlock('k');
    echo "  not persistent: ", var_export([$store->get('k'), $got], true), "\n";
}
?>
--EXPECT--
pgsql, persistent: true
  PdoStore: SqzGraph\StoreException: SqzGraph\PdoStore needs a PDO without PDO::ATTR_PERSISTENT: its locks live in the database session, and a persistent connection outlives the request, so after a fatal error a lock would stay held until the PHP worker ends; open a separate, non-persistent PDO for the Store
  not persistent: array (
  0 => 'v',
  1 => true,
)
mysql, persistent: true
  PdoStore: SqzGraph\StoreException: SqzGraph\PdoStore needs a PDO without PDO::ATTR_PERSISTENT: its locks live in the database session, and a persistent connection outlives the request, so after a fatal error a lock would stay held until the PHP worker ends; open a separate, non-persistent PDO for the Store
  not persistent: array (
  0 => 'v',
  1 => true,
)
sqlite, persistent: true
  PdoStore: 'sqlite'
  not persistent: array (
  0 => 'v',
  1 => true,
)
