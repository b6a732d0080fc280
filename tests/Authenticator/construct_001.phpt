--TEST--
Authenticator: constructor types, constructed once, final; TokenInfo cannot be created from PHP
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config] = sqz_auth($t);
$rc = new ReflectionClass(SqzGraph\Authenticator::class);
show('final', $rc->isFinal());
show('methods', array_map(fn ($m) => $m->getName(), $rc->getMethods()));
foreach ([fn () => new SqzGraph\Authenticator($store, $config), fn () => new SqzGraph\Authenticator($config, new stdClass()),
    fn () => new SqzGraph\Authenticator($config)] as $fn) {
    echo get_class(sqz_catch($fn) ?? new stdClass), "\n";
}
$e = sqz_catch(fn () => $a->__construct($config, $store));
echo get_class($e ?? new stdClass), ': ', $e?->getMessage(), "\n";
show('still works', $a->status()->reason);
echo get_class(sqz_catch(fn () => $rc->newInstanceWithoutConstructor()) ?? new stdClass), "\n";
echo get_class(sqz_catch(fn () => new SqzGraph\TokenInfo()) ?? new stdClass), "\n";
// a TokenInfo made without its constructor (Reflection) holds nothing and does not crash
$blank = null;
$e = sqz_catch(function () use (&$blank) { $blank = (new ReflectionClass(SqzGraph\TokenInfo::class))->newInstanceWithoutConstructor(); });
if ($e instanceof ReflectionException) {
    echo "blank: refused\nblank: refused\n";
} else {
    show('blank: expiresAt()', $blank->expiresAt());
    echo 'blank: ', get_class(sqz_catch(fn () => $blank->authorized) ?? new stdClass), "\n";
}
// the Authenticator keeps its Config and Store alive
$a2 = new SqzGraph\Authenticator(sqz_config($t), new SqzGraph\FileStore(sqz_tmp('x')));
gc_collect_cycles();
show('works after the temporaries are gone', $a2->status()->reason);
// a Store referring back to the Authenticator (a cycle) is collected
final class CyclicStore implements SqzGraph\Store {
    public ?SqzGraph\Authenticator $auth = null;
    private array $d = [];
    public function get(string $key): ?string { return $this->d[$key] ?? null; }
    public function put(string $key, string $value): void { $this->d[$key] = $value; }
    public function delete(string $key): void { unset($this->d[$key]); }
    public function lock(string $key, float $timeoutSeconds): bool { return true; }
    public function unlock(string $key): void {}
    public function __destruct() { echo "store destroyed\n"; }
}
$s = new CyclicStore();
$s->auth = new SqzGraph\Authenticator(sqz_config($t), $s);
sqz_sign_in($s->auth, $t);
unset($s);
$n = gc_collect_cycles();
echo 'collected: ', $n > 0 ? 'yes' : 'no', "\n";
?>
--EXPECT--
final: true
methods: ["__construct","beginAuthorization","completeAuthorization","accessToken","refresh","status","forget","importToken"]
TypeError
TypeError
ArgumentCountError
Error: SqzGraph\Authenticator is already constructed
still works: 'not_authorized'
ReflectionException
Error
blank: expiresAt(): NULL
blank: Error
works after the temporaries are gone: 'not_authorized'
store destroyed
collected: yes
