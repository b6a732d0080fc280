--TEST--
Store (userland): get() returning an int is a StoreException naming the method and the type
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
declare(strict_types=1);

final class IntStore implements SqzGraph\Store
{
    public function get(string $key): ?string { return 42; }
    public function put(string $key, #[\SensitiveParameter] string $value): void {}
    public function delete(string $key): void {}
    public function lock(string $key, float $timeoutSeconds): bool { return true; }
    public function unlock(string $key): void {}
}

$s = new SqzGraph\SealedStore(new IntStore, 'k');
try {
    $s->get('token:1');
} catch (SqzGraph\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    var_dump($e->key());
    echo get_class($e->getPrevious()), "\n";
}
// the same store works again afterwards (nothing stays pending)
var_dump($s->lock('token:1', 0.0));
?>
--EXPECT--
SqzGraph\StoreException: the Store IntStore::get() failed for record 'token:1': TypeError: IntStore::get(): Return value must be of type ?string, int returned
string(7) "token:1"
TypeError
bool(true)
