--TEST--
PdoStore::__construct(): not a PDO, a driver other than pgsql/mysql/sqlite, bad options
--SKIPIF--
<?php require __DIR__ . '/../db.inc'; sqz_test_db_skipif('sqlite'); ?>
--FILE--
<?php
require __DIR__ . '/pdo_store.inc';

use SqzGraph\PdoStore;

/** A PDO that says it is another driver (PdoStore asks the way PHP code does). */
class OtherDriverPdo extends PDO
{
    public mixed $driver = 'oci';

    public function getAttribute(int $attribute): mixed
    {
        return $attribute === PDO::ATTR_DRIVER_NAME ? $this->driver : parent::getAttribute($attribute);
    }
}

/** A PDO subclass whose constructor never connected. */
class UnconnectedPdo extends PDO
{
    public function __construct()
    {
    }
}

$pdo = new PDO('sqlite::memory:');
sqz_pdo_try('stdClass', fn() => new PdoStore(new stdClass()));
$other = new OtherDriverPdo('sqlite::memory:');
sqz_pdo_try('oci', fn() => new PdoStore($other));
$other->driver = 'firebird';
sqz_pdo_try('firebird', fn() => new PdoStore($other));
$other->driver = null;
sqz_pdo_try('no driver name', fn() => new PdoStore($other));
$other->driver = 'sqlite';
sqz_pdo_try('sqlite subclass', fn() => (new PdoStore($other))->driver());
// the PDO's own Error, as PHP words it (8.2 and 8.4 differ)
try {
    (new UnconnectedPdo())->getAttribute(PDO::ATTR_DRIVER_NAME);
} catch (Error $e) {
    $own = get_class($e) . ': ' . $e->getMessage();
}
try {
    new PdoStore(new UnconnectedPdo());
    echo "unconnected: no exception\n";
} catch (Throwable $e) {
    echo 'unconnected: the PDO\'s own error: ', var_export(get_class($e) . ': ' . $e->getMessage() === $own, true), "\n";
}

sqz_pdo_try('unknown option', fn() => new PdoStore($pdo, ['tabel' => 'x']));
sqz_pdo_try('integer key', fn() => new PdoStore($pdo, ['x']));
sqz_pdo_try('table not a string', fn() => new PdoStore($pdo, ['table' => 5]));
sqz_pdo_try('namespace not a string', fn() => new PdoStore($pdo, ['namespace' => null]));
sqz_pdo_try('namespace of 256 bytes', fn() => new PdoStore($pdo, ['namespace' => str_repeat('n', 256)]));
sqz_pdo_try('namespace of 255 bytes', fn() => strlen((new PdoStore($pdo, ['namespace' => str_repeat("\0", 255)]))->namespace()));

$s = new PdoStore($pdo);
sqz_pdo_try('twice', fn() => $s->__construct($pdo));
sqz_pdo_try('defaults', fn() => [$s->driver(), $s->table(), $s->namespace()]);
sqz_pdo_try('clone', fn() => clone $s);
sqz_pdo_try('serialize', fn() => serialize($s));
var_dump($s instanceof SqzGraph\Store);
?>
--EXPECT--
stdClass: TypeError: SqzGraph\PdoStore::__construct(): Argument #1 ($pdo) must be of type PDO, stdClass given
oci: SqzGraph\StoreException: SqzGraph\PdoStore works with the PDO drivers pgsql (PostgreSQL), mysql (MariaDB, MySQL) and sqlite, not "oci"
firebird: SqzGraph\StoreException: SqzGraph\PdoStore works with the PDO drivers pgsql (PostgreSQL), mysql (MariaDB, MySQL) and sqlite, not "firebird"
no driver name: SqzGraph\StoreException: SqzGraph\PdoStore cannot tell the PDO's driver (PDO::getAttribute(PDO::ATTR_DRIVER_NAME) gave no string): is the PDO connected?
sqlite subclass: 'sqlite'
unconnected: the PDO's own error: true
unknown option: ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) has an unknown option "tabel" (known: "table", "namespace")
integer key: ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) has an unknown option with an integer key (known: "table", "namespace")
table not a string: TypeError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be of type string, int given
namespace not a string: TypeError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "namespace" must be of type string, null given
namespace of 256 bytes: ValueError: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "namespace" must be at most 255 bytes
namespace of 255 bytes: 255
twice: Error: SqzGraph\PdoStore::__construct() cannot be called twice
defaults: array (
  0 => 'sqlite',
  1 => 'sqzgraph_store',
  2 => '',
)
clone: Error: Trying to clone an uncloneable object of class SqzGraph\PdoStore
serialize: Exception: Serialization of 'SqzGraph\PdoStore' is not allowed
bool(true)
