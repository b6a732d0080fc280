--TEST--
A userland Store whose put() throws while the token record is written: the StoreException keeps the original as previous (class, message, file, line, frames) but no frame's arguments — put()'s would hold the whole record with the tokens when no encryption_key is set — so no token reaches a trace, a log or (string) $e; the same for a SqzGraph exception thrown by the Store itself
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';

/** A Store on a database that has become read-only; put() has no #[\SensitiveParameter] (the common case). */
final class ReadOnlyStore implements SqzGraph\Store
{
    public function __construct(private SqzGraph\Store $inner, private Closure $failure) {}
    public function get(string $key): ?string { return $this->inner->get($key); }
    public function put(string $key, string $value): void
    {
        if ($key === 'token') {
            $this->write($value);     // the exception is made in here: its trace has the record as an argument
        }
        $this->inner->put($key, $value);
    }
    private function write(string $record): never { throw ($this->failure)(); }
    public function delete(string $key): void { $this->inner->delete($key); }
    public function lock(string $key, float $timeoutSeconds): bool { return $this->inner->lock($key, $timeoutSeconds); }
    public function unlock(string $key): void { $this->inner->unlock($key); }
}

$t = MockTenant::start('basic');
foreach ([fn () => new RuntimeException('the database is read-only'), fn () => new SqzGraph\StoreException('the database is read-only')] as $make) {
    $a = new SqzGraph\Authenticator(sqz_config($t), new ReadOnlyStore(new SqzGraph\FileStore(sqz_tmp('read-only')), $make));
    $r = $t->authorize($a->beginAuthorization()['url'], 'accept');
    $e = sqz_catch(fn () => $a->completeAuthorization($r['query']));
    $p = $e->getPrevious() ?? $e;
    echo get_class($e), ($p !== $e ? ' <- ' . get_class($p) : ' (the Store\'s own)'), ': ', $p->getMessage(), "\n";
    $everything = (string) $e . print_r($e->getTrace(), true) . print_r($p->getTrace(), true) . var_export($p->getTrace(), true);
    // The caller's own arguments (the redirect's code and state: random base64url, which holds "eyJ" now and
    // then) may be in the outer trace when zend.exception_ignore_args is off; they are not what this checks.
    $everything = str_replace(array_values($r['query']), '(the query)', $everything);
    echo '  the Store\'s frames kept: ', json_encode(count(array_filter($p->getTrace(), fn ($f) => ($f['function'] ?? '') === 'write')) === 1), "\n";
    echo '  a frame with arguments: ', json_encode(count(array_filter($p->getTrace(), fn ($f) => array_key_exists('args', $f))) > 0), "\n";
    echo '  a token or the record anywhere: ', json_encode(str_contains($everything, 'eyJ') || str_contains($everything, 'refresh_token')), "\n";
}
?>
--EXPECT--
SqzGraph\StoreException <- RuntimeException: the database is read-only
  the Store's frames kept: true
  a frame with arguments: false
  a token or the record anywhere: false
SqzGraph\StoreException (the Store's own): the database is read-only
  the Store's frames kept: true
  a frame with arguments: false
  a token or the record anywhere: false
