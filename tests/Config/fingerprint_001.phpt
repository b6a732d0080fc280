--TEST--
Config::fingerprint(): each field that binds a grant changes it
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$fp = fn(array $o) => (new SqzGraph\Config($o))->fingerprint();
$base = $fp(base_options());
var_dump(strlen($base), ctype_xdigit($base), $base === strtolower($base), $base === $fp(base_options()));
$changes = [
    'flow' => cc_options(['redirect_uri' => base_options()['redirect_uri'], 'mailbox' => null]) + ['flow' => 'client_credentials'],
    'authority' => base_options(['authority' => 'https://login.microsoftonline.us']),
    'tenant_id' => base_options(['tenant_id' => 'fabrikam.onmicrosoft.com']),
    'client_id' => base_options(['client_id' => '11111111-2222-3333-4444-555555555556']),
    'redirect_uri' => base_options(['redirect_uri' => 'https://squeeze.example.com/api/v2/importers/email/authenticate/end2']),
    'redirect_uri query' => base_options(['redirect_uri' => 'https://squeeze.example.com/api/v2/importers/email/authenticate/end?x=1']),
    'redirect_uri port' => base_options(['redirect_uri' => 'https://squeeze.example.com:8443/api/v2/importers/email/authenticate/end']),
    'scopes' => base_options(['scopes' => ['openid', 'profile', 'offline_access', 'https://graph.microsoft.com/Mail.Read']]),
    'graph_endpoint' => base_options(['graph_endpoint' => 'https://graph.microsoft.com/beta']),
    'mailbox' => base_options(['mailbox' => 'scans@contoso.com']),
    'cloud (through its endpoints)' => base_options(['cloud' => 'usgov']),
];
// client_credentials needs a mailbox; compare it with itself changed too.
$cc = $fp(cc_options());
$ccChanges = [
    'cc mailbox' => cc_options(['mailbox' => 'other@contoso.com']),
    'cc tenant_id' => cc_options(['tenant_id' => 'fabrikam.onmicrosoft.com']),
    'cc graph_endpoint (scope follows)' => cc_options(['graph_endpoint' => 'https://graph.microsoft.us/v1.0']),
];
$seen = [$base => 'base', $cc => 'cc'];
foreach ($changes as $name => $o) {
    if ($name === 'flow') {
        $o = cc_options(['redirect_uri' => base_options()['redirect_uri'], 'mailbox' => 'scans@contoso.com']);
        $withMailbox = $fp(base_options(['mailbox' => 'scans@contoso.com']));
        $f = $fp($o);
        printf("%s: %s\n", $name, $f !== $withMailbox ? 'changed' : 'SAME');
        continue;
    }
    $f = $fp($o);
    printf("%s: %s\n", $name, $f !== $base ? (isset($seen[$f]) ? 'collides with ' . $seen[$f] : 'changed') : 'SAME');
    $seen[$f] = $name;
}
foreach ($ccChanges as $name => $o) {
    $f = $fp($o);
    printf("%s: %s\n", $name, $f !== $cc ? (isset($seen[$f]) ? 'collides with ' . $seen[$f] : 'changed') : 'SAME');
    $seen[$f] = $name;
}
?>
--EXPECT--
int(64)
bool(true)
bool(true)
bool(true)
flow: changed
authority: changed
tenant_id: changed
client_id: changed
redirect_uri: changed
redirect_uri query: changed
redirect_uri port: changed
scopes: changed
graph_endpoint: changed
mailbox: changed
cloud (through its endpoints): changed
cc mailbox: changed
cc tenant_id: changed
cc graph_endpoint (scope follows): changed
