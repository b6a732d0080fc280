--TEST--
Config: print_r, var_export, debug_zval_dump and var_dump never show a secret or the private key
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--EXTENSIONS--
openssl
--FILE--
<?php
require __DIR__ . '/config.inc';
$pair = cert_pair();
$keyLines = array_values(array_filter(explode("\n", $pair['key']), fn($l) => $l !== '' && !str_starts_with($l, '-----')));
$configs = [
    'secret' => new SqzGraph\Config(base_options(['encryption_key' => ENC_KEY])),
    'certificate' => new SqzGraph\Config(without(base_options(['client_certificate' => $pair['cert'], 'client_private_key' => $pair['key'], 'encryption_key' => ENC_KEY]), 'client_secret')),
];
foreach ($configs as $name => $c) {
    $views = [];
    ob_start(); var_dump($c); $views['var_dump'] = ob_get_clean();
    $views['print_r'] = print_r($c, true);
    $views['var_export'] = var_export($c, true);
    ob_start(); debug_zval_dump($c); $views['debug_zval_dump'] = ob_get_clean();
    // Nested inside other values too.
    $views['print_r nested'] = print_r(['config' => $c, 'list' => [$c]], true);
    ob_start(); var_dump((object)['c' => $c]); $views['var_dump nested'] = ob_get_clean();
    foreach ($views as $how => $text) {
        $leak = str_contains($text, 'TOPSECRET') || count(array_filter($keyLines, fn($l) => str_contains($text, $l))) > 0;
        printf("%s %s: %s, shows '***': %s\n", $name, $how, $leak ? 'LEAK' : 'clean', str_contains($text, '***') ? 'yes' : 'no');
    }
}
echo var_export($configs['secret'], true) === var_export($configs['secret'], true) ? "stable\n" : "unstable\n";
echo str_contains(print_r($configs['secret'], true), '[client_secret] => ***') ? "print_r redacts\n" : "?\n";
echo str_contains(var_export($configs['secret'], true), "'client_secret' => '***'") ? "var_export redacts\n" : "?\n";
?>
--EXPECT--
secret var_dump: clean, shows '***': yes
secret print_r: clean, shows '***': yes
secret var_export: clean, shows '***': yes
secret debug_zval_dump: clean, shows '***': yes
secret print_r nested: clean, shows '***': yes
secret var_dump nested: clean, shows '***': yes
certificate var_dump: clean, shows '***': yes
certificate print_r: clean, shows '***': yes
certificate var_export: clean, shows '***': yes
certificate debug_zval_dump: clean, shows '***': yes
certificate print_r nested: clean, shows '***': yes
certificate var_dump nested: clean, shows '***': yes
stable
print_r redacts
var_export redacts
