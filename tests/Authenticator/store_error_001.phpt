--TEST--
Store failures: a userland Store that throws or holds a corrupt record surfaces as an exception (never "not authorized" silently); a lock that cannot be had while the token still has time left is not an error
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';

final class FlakyStore implements SqzGraph\Store
{
    public ?string $failOn = null;
    public bool $lockFree = true;
    public function __construct(private SqzGraph\Store $inner) {}
    private function check(string $op, string $key): void
    {
        if ($this->failOn === "$op $key") {
            throw new RuntimeException("database is gone ($op $key)");
        }
    }
    public function get(string $key): ?string { $this->check('get', $key); return $this->inner->get($key); }
    public function put(string $key, #[\SensitiveParameter] string $value): void { $this->check('put', $key); $this->inner->put($key, $value); }
    public function delete(string $key): void { $this->check('delete', $key); $this->inner->delete($key); }
    public function lock(string $key, float $timeoutSeconds): bool { $this->check('lock', $key); return $this->lockFree && $this->inner->lock($key, $timeoutSeconds); }
    public function unlock(string $key): void { $this->check('unlock', $key); $this->inner->unlock($key); }
}

$t = MockTenant::start('basic');
$inner = new SqzGraph\FileStore(sqz_tmp('flaky'));
$store = new FlakyStore($inner);
$a = new SqzGraph\Authenticator(sqz_config($t), $store);
sqz_sign_in($a, $t);
$tok = $a->accessToken();

$store->failOn = 'get token';
foreach (['status' => fn () => $a->status(), 'accessToken' => fn () => $a->accessToken()] as $label => $fn) {
    $e = sqz_catch($fn);
    echo "$label, get throws: ", get_class($e ?? new stdClass), ' / ', get_class($e?->getPrevious() ?? new stdClass), ' ', str_contains((string) $e, 'database is gone') ? 'cause kept' : 'cause lost', "\n";
}
$store->failOn = null;

// a corrupt record is a StoreException, not "not authorized"
$bytes = $inner->get('token');
$inner->put('token', '{"v":1,"flow":"delegated","access_token":');
foreach (['status' => fn () => $a->status(), 'accessToken' => fn () => $a->accessToken()] as $label => $fn) {
    echo "$label, corrupt record: ", sqz_describe(sqz_catch($fn)), "\n";
}
$inner->put('token', '{"v":99,"flow":"delegated"}');
echo 'unknown version: ', sqz_describe(sqz_catch(fn () => $a->accessToken())), "\n";
$inner->put('token', $bytes);

// the refresh cannot take the lock (another process is slow) but the token has 200 s left: use it
sqz_make_stale($inner, 200);
$store->lockFree = false;
$t->clearRequests();
show('lock busy, 200 s left: old token', $a->accessToken() === $tok);
show('requests', count($t->requests()));
// expired and the lock is busy: StoreException (transient for the caller), record untouched
sqz_patch_record($inner, ['expires_at' => time() - 1]);
$bytes = $inner->get('token');
echo 'lock busy, expired: ', sqz_describe(sqz_catch(fn () => $a->accessToken())), "\n";
show('record untouched', $inner->get('token') === $bytes);
$store->lockFree = true;

// put fails during a refresh: the exception surfaces; the old record stays
sqz_make_stale($inner, 100);
$bytes = $inner->get('token');
$store->failOn = 'put token';
$e = sqz_catch(fn () => $a->accessToken());
echo 'put throws: ', get_class($e ?? new stdClass), "\n";
show('record untouched', $inner->get('token') === $bytes);
$store->failOn = null;
show('then it works', strlen($a->accessToken()) > 100);
?>
--EXPECT--
status, get throws: SqzGraph\StoreException / RuntimeException cause kept
accessToken, get throws: SqzGraph\StoreException / RuntimeException cause kept
status, corrupt record: SqzGraph\StoreException
accessToken, corrupt record: SqzGraph\StoreException
unknown version: SqzGraph\StoreException
lock busy, 200 s left: old token: true
requests: 0
lock busy, expired: SqzGraph\StoreException
record untouched: true
put throws: SqzGraph\StoreException
record untouched: true
then it works: true
