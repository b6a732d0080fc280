--TEST--
SealedStore: the encryption key never shows in var_dump, print_r, var_export, debug_zval_dump, casts, serialize or traces
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/../Store/util.inc';
$dir = sqz_test_dir('sealed-construct-001');

final class Recorder implements SqzGraph\Store
{
    public array $data = [];
    public function get(string $key): ?string { return $this->data[$key] ?? null; }
    public function put(string $key, #[\SensitiveParameter] string $value): void { throw new RuntimeException('disk full'); }
    public function delete(string $key): void {}
    public function lock(string $key, float $timeoutSeconds): bool { return true; }
    public function unlock(string $key): void {}
}

$s = new SqzGraph\SealedStore(new SqzGraph\FileStore($dir), 'TOPSECRET-encryption-key');
ob_start();
var_dump($s);
print_r($s);
echo "\n";
var_export($s);
echo "\n";
debug_zval_dump($s);
var_dump((array) $s, json_encode($s), get_object_vars($s));
$dumps = ob_get_clean();
echo $dumps;
echo str_contains($dumps, 'TOPSECRET') ? "LEAK in dumps\n" : "no key in dumps\n";

try {
    serialize($s);
} catch (Exception $e) {
    echo $e->getMessage(), "\n";
}
try {
    clone $s;
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}

// a trace through __construct
try {
    $s->__construct(new SqzGraph\FileStore($dir), 'TOPSECRET-second-key');
} catch (Error $e) {
    echo $e->getMessage(), "\n";
    $trace = $e->getTraceAsString();
    echo str_contains($trace, 'TOPSECRET') ? "LEAK in trace\n" : "no key in trace\n";
    echo $trace, "\n";
}

// a trace through put(): neither the key nor the value
$r = new SqzGraph\SealedStore(new Recorder, 'TOPSECRET-third-key');
try {
    $r->put('token', 'plaintext-access-token');
} catch (SqzGraph\StoreException $e) {
    $all = '';
    for ($x = $e; $x; $x = $x->getPrevious()) {
        $all .= $x->getMessage() . "\n" . $x->getTraceAsString() . "\n";
    }
    echo str_contains($all, 'TOPSECRET') || str_contains($all, 'plaintext-access-token') ? "LEAK in put trace\n" : "no secret in put trace\n";
    echo $e->getTraceAsString(), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../Store/util.inc';
sqz_rmrf(sys_get_temp_dir() . '/sqzgraph-test-sealed-construct-001');
?>
--EXPECTF--
object(SqzGraph\SealedStore)#%d (0) {
}
SqzGraph\SealedStore Object
(
)

\SqzGraph\SealedStore::__set_state(array(
))
object(SqzGraph\SealedStore)#%d (0) refcount(%d){
}
array(0) {
}
string(2) "{}"
array(0) {
}
no key in dumps
Serialization of 'SqzGraph\SealedStore' is not allowed
Trying to clone an uncloneable object of class SqzGraph\SealedStore
SqzGraph\SealedStore::__construct() cannot be called twice
no key in trace
#0 %s(%d): SqzGraph\SealedStore->__construct(Object(SqzGraph\FileStore), Object(SensitiveParameterValue))
#1 {main}
no secret in put trace
#0 %s(%d): SqzGraph\SealedStore->put('token', Object(SensitiveParameterValue))
#1 {main}
