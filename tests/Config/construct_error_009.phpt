--TEST--
Config: a failing construction never shows a secret in the message, the trace or the string form
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--INI--
zend.exception_ignore_args=0
--FILE--
<?php
require __DIR__ . '/config.inc';
$options = base_options(['encryption_key' => ENC_KEY, 'tenant_id' => 'bad/tenant']);
try {
    new SqzGraph\Config($options);
} catch (SqzGraph\ConfigException $e) {
    echo $e->getMessage(), "\n";
    $trace = $e->getTraceAsString();
    echo $trace, "\n";
    var_dump($e->getTrace()[0]['args'][0] instanceof SensitiveParameterValue);
    foreach (['getTraceAsString' => $trace, '(string)' => (string)$e, 'print_r' => print_r($e, true),
              'var_export' => var_export($e->getTrace(), true)] as $what => $text) {
        printf("%s: %s\n", $what, str_contains($text, 'TOPSECRET') ? 'LEAK' : 'clean');
    }
}
// The same through a user function whose own parameter is not sensitive:
// the extension's frame still hides the array.
function connect(SqzGraph\Config|array $o) { return new SqzGraph\Config($o); }
try {
    connect(base_options(['max_retries' => 99]));
} catch (SqzGraph\ConfigException $e) {
    echo $e->getMessage(), "\n";
    var_dump($e->getTrace()[0]['function'], $e->getTrace()[0]['args'][0] instanceof SensitiveParameterValue);
    echo str_contains($e->getTraceAsString(), 'TOPSECRET') ? 'LEAK' : 'clean', "\n";
}
// A private key that is not PEM and not a file is not echoed either.
try {
    new SqzGraph\Config(without(base_options(['client_certificate' => 'x', 'client_private_key' => 'TOPSECRET-raw-key']), 'client_secret'));
} catch (SqzGraph\ConfigException $e) {
    echo str_contains((string)$e, 'TOPSECRET') ? 'LEAK' : 'clean', "\n";
}
?>
--EXPECTF--
tenant_id must be the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com (letters, digits, '.', '-', '_' only); got "bad/tenant"
#0 %s(%d): SqzGraph\Config->__construct(Object(SensitiveParameterValue))
#1 {main}
bool(true)
getTraceAsString: clean
(string): clean
print_r: clean
var_export: clean
max_retries must be between 0 and 20; got 99
string(11) "__construct"
bool(true)
clean
clean
