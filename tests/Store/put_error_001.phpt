--TEST--
Store (userland): what a method throws reaches the caller as a StoreException (catchable as SqzGraph\Exception) with the original as previous
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
final class FailingStore implements SqzGraph\Store
{
    public function __construct(private Throwable $e) {}
    public function get(string $key): ?string { throw $this->e; }
    public function put(string $key, #[\SensitiveParameter] string $value): void { throw $this->e; }
    public function delete(string $key): void { throw $this->e; }
    public function lock(string $key, float $timeoutSeconds): bool { throw $this->e; }
    public function unlock(string $key): void { throw $this->e; }
}

function attempt(Throwable $thrown, string $method, array $args): void
{
    $s = new SqzGraph\SealedStore(new FailingStore($thrown), 'key');
    try {
        $s->$method(...$args);
        echo "no exception\n";
    } catch (SqzGraph\Exception $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
        $p = $e->getPrevious();
        echo '  previous: ', $p ? get_class($p) . ' ' . ($p === $thrown ? '(the original)' : '(another)') : 'none', "\n";
        echo '  same object: ', var_export($e === $thrown, true), "\n";
    } catch (Throwable $e) {
        echo "NOT a SqzGraph\\Exception: ", get_class($e), "\n";
    }
}

attempt(new PDOException('SQLSTATE[HY000]: General error: 5 database is locked'), 'put', ['token:1', 'secret value']);
attempt(new RuntimeException('connection lost'), 'get', ['token:1']);
attempt(new LogicException(''), 'delete', ["bin\0key"]);
attempt(new RuntimeException('lock table missing'), 'lock', ['import:fp', 1.5]);
attempt(new Error('bug in the store'), 'unlock', ['import:fp']);
// an exception of ours is passed on unchanged, not wrapped twice
attempt(new SqzGraph\StoreException('already explained'), 'get', ['token:1']);
?>
--EXPECT--
SqzGraph\StoreException: the Store FailingStore::put() failed for record 'token:1': PDOException: SQLSTATE[HY000]: General error: 5 database is locked
  previous: PDOException (the original)
  same object: false
SqzGraph\StoreException: the Store FailingStore::get() failed for record 'token:1': RuntimeException: connection lost
  previous: RuntimeException (the original)
  same object: false
SqzGraph\StoreException: the Store FailingStore::delete() failed for record 'bin\x00key': LogicException
  previous: LogicException (the original)
  same object: false
SqzGraph\StoreException: the Store FailingStore::lock() failed for record 'import:fp': RuntimeException: lock table missing
  previous: RuntimeException (the original)
  same object: false
SqzGraph\StoreException: the Store FailingStore::unlock() failed for record 'import:fp': Error: bug in the store
  previous: Error (the original)
  same object: false
SqzGraph\StoreException: already explained
  previous: none
  same object: true
