--TEST--
Config: (array), json_encode, get_object_vars, foreach and serialize expose nothing
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$c = new SqzGraph\Config(base_options(['encryption_key' => ENC_KEY]));
var_dump((array)$c);
var_dump(json_encode($c));
var_dump(json_encode(['config' => $c]));
var_dump(get_object_vars($c));
foreach ($c as $k => $v) { echo "iterated $k\n"; }
var_dump(array_key_exists('client_secret', (array)$c), isset($c->client_secret));
try {
    $c->client_secret;
} catch (Error $e) {
    echo get_class($e), "\n";
}
try {
    serialize(['wrapped' => $c]);
} catch (Exception $e) {
    echo $e->getMessage(), "\n";
}
$r = new ReflectionObject($c);
var_dump($r->getProperties());
?>
--EXPECTF--
array(0) {
}
string(2) "{}"
string(13) "{"config":{}}"
array(0) {
}
bool(false)
bool(false)

Warning: Undefined property: SqzGraph\Config::$client_secret in %s on line %d
Serialization of 'SqzGraph\Config' is not allowed
array(0) {
}
