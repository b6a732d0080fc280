--TEST--
Config::toArray(): every option, secrets replaced by '***', nothing secret anywhere in it
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--EXTENSIONS--
openssl
--FILE--
<?php
require __DIR__ . '/config.inc';
$logger = fn(string $level, string $message, array $context) => null;
$c = new SqzGraph\Config(base_options([
    'encryption_key' => ENC_KEY,
    'client_secret_expires' => '2026-12-31',
    'logger' => $logger,
]));
$a = $c->toArray();
echo implode(',', array_keys($a)), "\n";
var_dump($a['client_secret'], $a['encryption_key'], $a['client_private_key'], $a['client_secret_expires'], $a['logger'] === $logger);
echo str_contains(print_r($a, true), 'TOPSECRET') ? 'LEAK' : 'clean', "\n";

$pair = cert_pair();
$c = new SqzGraph\Config(without(cc_options(['client_certificate' => $pair['cert'], 'client_private_key' => $pair['key']]), 'client_secret'));
$a = $c->toArray();
var_dump($a['client_secret'], $a['client_private_key'], $a['client_certificate'] === $pair['cert'], $a['logger']);
// No line of the private key's body shows up.
$keyLines = array_filter(explode("\n", $pair['key']), fn($l) => $l !== '' && !str_starts_with($l, '-----'));
$dump = print_r($a, true);
echo count(array_filter($keyLines, fn($l) => str_contains($dump, $l))) === 0 ? 'clean' : 'LEAK', "\n";

// A copy: changing it changes nothing in the Config.
$a['tenant_id'] = 'changed';
echo $c->toArray()['tenant_id'], "\n";
?>
--EXPECT--
flow,tenant_id,client_id,client_secret,client_certificate,client_private_key,client_secret_expires,redirect_uri,mailbox,scopes,folders,authority,graph_endpoint,cloud,encryption_key,ca_file,connect_timeout,timeout,max_retries,max_retry_wait,concurrency,logger
string(3) "***"
string(3) "***"
NULL
int(1798675200)
bool(true)
clean
NULL
string(3) "***"
bool(true)
NULL
clean
contoso.onmicrosoft.com
