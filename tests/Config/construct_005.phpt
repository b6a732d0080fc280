--TEST--
Config: certificate credential as PEM text or file paths; the certificate is kept alone, the key hidden
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--EXTENSIONS--
openssl
--FILE--
<?php
require __DIR__ . '/config.inc';
$pair = cert_pair();
$dir = sys_get_temp_dir() . '/sqzgraph-config-005-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/cert.pem", $pair['cert']);
file_put_contents("$dir/key.pem", $pair['key']);
file_put_contents("$dir/both.pem", $pair['key'] . $pair['cert']);

$cases = [
    'PEM text' => [$pair['cert'], $pair['key']],
    'paths' => ["$dir/cert.pem", "$dir/key.pem"],
    'combined file for both' => ["$dir/both.pem", "$dir/both.pem"],
    'Bag Attributes before the PEM' => ["Bag Attributes\n    localKeyID: 01 02\n" . $pair['cert'], $pair['key']],
];
foreach ($cases as $name => [$cert, $key]) {
    $o = without(base_options(['client_certificate' => $cert, 'client_private_key' => $key]), 'client_secret');
    $a = (new SqzGraph\Config($o))->toArray();
    printf("%s: certificate %s, key %s, secret %s\n", $name,
        $a['client_certificate'] === $pair['cert'] ? 'same PEM' : 'DIFFERENT',
        var_export($a['client_private_key'], true), var_export($a['client_secret'], true));
}
// The file is read once, at construction.
$c = new SqzGraph\Config(without(cc_options(['client_certificate' => "$dir/cert.pem", 'client_private_key' => "$dir/key.pem"]), 'client_secret'));
unlink("$dir/cert.pem");
unlink("$dir/key.pem");
var_dump($c->toArray()['client_certificate'] === $pair['cert']);
// Empty credential fields (an admin form) mean "not given".
$a = (new SqzGraph\Config(base_options(['client_certificate' => '', 'client_private_key' => null])))->toArray();
var_dump($a['client_certificate'], $a['client_private_key'], $a['client_secret']);
?>
--CLEAN--
<?php
$dir = sys_get_temp_dir() . '/sqzgraph-config-005-';
foreach (glob($dir . '*/*') as $f) { @unlink($f); }
foreach (glob($dir . '*') as $d) { @rmdir($d); }
?>
--EXPECT--
PEM text: certificate same PEM, key '***', secret NULL
paths: certificate same PEM, key '***', secret NULL
combined file for both: certificate same PEM, key '***', secret NULL
Bag Attributes before the PEM: certificate same PEM, key '***', secret NULL
bool(true)
NULL
NULL
string(3) "***"
