--TEST--
Config::fingerprint(): the exact encoding (length-prefixed fields in fixed order, scopes sorted), recomputed in PHP
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
function field(string $s): string { return pack('J', strlen($s)) . $s; }
function expected(string $flow, string $authority, string $tenant, string $client, string $redirect, array $scopes, string $graph, string $mailbox): string
{
    sort($scopes, SORT_STRING);
    $data = field('sqzgraph.config.fingerprint.v1') . field($flow) . field($authority) . field($tenant) . field($client)
        . field($redirect) . field((string)count($scopes)) . implode('', array_map('field', $scopes))
        . field($graph) . field($mailbox);
    return hash('sha256', $data);
}
$c = new SqzGraph\Config(base_options([
    'tenant_id' => 'Contoso.onmicrosoft.com',
    'client_id' => 'ABCDEF00-2222-3333-4444-555555555555',
    'redirect_uri' => 'https://Squeeze.Example.com/cb/',
    'mailbox' => 'Scans@Contoso.com',
]));
$scopes = ['openid', 'profile', 'offline_access', 'https://graph.microsoft.com/Mail.ReadWrite', 'https://graph.microsoft.com/Mail.ReadWrite.Shared'];
$want = expected('delegated', 'https://login.microsoftonline.com', 'contoso.onmicrosoft.com', 'abcdef00-2222-3333-4444-555555555555',
    'https://squeeze.example.com/cb', $scopes, 'https://graph.microsoft.com/v1.0', 'scans@contoso.com');
var_dump($c->fingerprint() === $want);
$c = new SqzGraph\Config(cc_options(['graph_endpoint' => 'http://127.0.0.1:8080/v1.0', 'authority' => 'http://127.0.0.1:8080']));
$want = expected('client_credentials', 'http://127.0.0.1:8080', 'contoso.onmicrosoft.com', '11111111-2222-3333-4444-555555555555',
    '', ['http://127.0.0.1:8080/.default'], 'http://127.0.0.1:8080/v1.0', 'scans@contoso.com');
var_dump($c->fingerprint() === $want);
// Pinned: a change of the encoding would force every deployment to re-authorize.
echo (new SqzGraph\Config(base_options()))->fingerprint(), "\n";
?>
--EXPECT--
bool(true)
bool(true)
a4f39a8a75e2afc35a79844ccff201c552040d8b1b0c7b5c4af73cd4b95f4c07
