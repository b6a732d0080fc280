--TEST--
Config: immutable, not clonable, not serializable, no dynamic properties, no instance without the constructor
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$c = new SqzGraph\Config(base_options());
$before = $c->fingerprint();
$attempts = [
    're-construct' => fn() => $c->__construct(base_options(['tenant_id' => 'fabrikam.com'])),
    'clone' => fn() => clone $c,
    'dynamic property' => function () use ($c) { $c->client_secret = 'x'; },
    'serialize' => fn() => serialize($c),
    'unserialize' => fn() => unserialize('O:15:"SqzGraph\\Config":0:{}'),
    'without constructor' => fn() => (new ReflectionClass(SqzGraph\Config::class))->newInstanceWithoutConstructor(),
    'no argument' => fn() => new SqzGraph\Config(),
    'not an array' => fn() => new SqzGraph\Config('flow=delegated'),
];
foreach ($attempts as $name => $fn) {
    try {
        $fn();
        echo $name, ": no exception\n";
    } catch (Throwable $e) {
        echo $name, ': ', get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump($c->fingerprint() === $before, $c->toArray()['tenant_id']);
$r = new ReflectionClass(SqzGraph\Config::class);
var_dump($r->isFinal(), $r->getProperties());
echo $r->getConstructor()->getParameters()[0]->getAttributes()[0]->getName(), "\n";
?>
--EXPECT--
re-construct: Error: Cannot modify an already constructed SqzGraph\Config
clone: Error: Trying to clone an uncloneable object of class SqzGraph\Config
dynamic property: Error: Cannot create dynamic property SqzGraph\Config::$client_secret
serialize: Exception: Serialization of 'SqzGraph\Config' is not allowed
unserialize: Exception: Unserialization of 'SqzGraph\Config' is not allowed
without constructor: ReflectionException: Class SqzGraph\Config is an internal class marked as final that cannot be instantiated without invoking its constructor
no argument: ArgumentCountError: SqzGraph\Config::__construct() expects exactly 1 argument, 0 given
not an array: TypeError: SqzGraph\Config::__construct(): Argument #1 ($options) must be of type array, string given
bool(true)
string(23) "contoso.onmicrosoft.com"
bool(true)
array(0) {
}
SensitiveParameter
