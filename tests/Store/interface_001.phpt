--TEST--
Store: the interface as the SPEC writes it; FileStore and SealedStore implement it, final, not serializable
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
$i = new ReflectionClass(SqzGraph\Store::class);
var_dump($i->isInterface());
foreach ($i->getMethods() as $m) {
    $params = array_map(function (ReflectionParameter $p) {
        $attrs = array_map(fn($a) => '#[' . $a->getName() . '] ', $p->getAttributes());
        return implode('', $attrs) . $p->getType() . ' $' . $p->getName();
    }, $m->getParameters());
    echo $m->getName(), '(', implode(', ', $params), '): ', $m->getReturnType(), "\n";
}
foreach ([SqzGraph\FileStore::class, SqzGraph\SealedStore::class] as $c) {
    $r = new ReflectionClass($c);
    echo $c, ': ', $r->implementsInterface(SqzGraph\Store::class) ? 'Store' : '-', ', ',
        $r->isFinal() ? 'final' : 'not final', ', ', $r->isCloneable() ? 'cloneable' : 'not cloneable', "\n";
}
// userland can implement it
$anon = new class implements SqzGraph\Store {
    public function get(string $key): ?string { return null; }
    public function put(string $key, #[\SensitiveParameter] string $value): void {}
    public function delete(string $key): void {}
    public function lock(string $key, float $timeoutSeconds): bool { return true; }
    public function unlock(string $key): void {}
};
var_dump($anon instanceof SqzGraph\Store);
?>
--EXPECT--
bool(true)
get(string $key): ?string
put(string $key, #[SensitiveParameter] string $value): void
delete(string $key): void
lock(string $key, float $timeoutSeconds): bool
unlock(string $key): void
SqzGraph\FileStore: Store, final, not cloneable
SqzGraph\SealedStore: Store, final, not cloneable
bool(true)
