--TEST--
Config::fingerprint(): credential rotation, operational options and cosmetic differences keep it
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--EXTENSIONS--
openssl
--FILE--
<?php
require __DIR__ . '/config.inc';
$fp = fn(array $o) => (new SqzGraph\Config($o))->fingerprint();
$base = $fp(base_options());
$pair = cert_pair();
$same = [
    'client_secret' => base_options(['client_secret' => 'another-secret']),
    'certificate instead of secret' => without(base_options(['client_certificate' => $pair['cert'], 'client_private_key' => $pair['key']]), 'client_secret'),
    'client_secret_expires' => base_options(['client_secret_expires' => '2030-01-01']),
    'folders' => base_options(['folders' => ['inbox' => 'Scans', 'exported' => 'Done', 'error' => 'Failed']]),
    'connect_timeout' => base_options(['connect_timeout' => 3]),
    'timeout' => base_options(['timeout' => 300.5]),
    'max_retries' => base_options(['max_retries' => 0]),
    'max_retry_wait' => base_options(['max_retry_wait' => 5]),
    'concurrency' => base_options(['concurrency' => 1]),
    'logger' => base_options(['logger' => fn($l, $m, $c) => null]),
    'encryption_key' => base_options(['encryption_key' => ENC_KEY]),
    'ca_file' => base_options(['ca_file' => __FILE__]),
    'cloud global given' => base_options(['cloud' => 'global']),
    'default endpoints given' => base_options(['authority' => 'https://login.microsoftonline.com/', 'graph_endpoint' => 'https://graph.microsoft.com/v1.0/']),
    'default scopes given in another order' => base_options(['scopes' => ['https://graph.microsoft.com/Mail.ReadWrite', 'offline_access', 'profile', 'openid']]),
    'duplicate scope' => base_options(['scopes' => ['openid', 'profile', 'offline_access', 'https://graph.microsoft.com/Mail.ReadWrite', 'openid']]),
    'tenant_id case' => base_options(['tenant_id' => 'Contoso.OnMicrosoft.COM']),
    'client_id case' => base_options(['client_id' => '11111111-2222-3333-4444-555555555555']),
    'authority host case' => base_options(['authority' => 'HTTPS://LOGIN.MICROSOFTONLINE.COM']),
    'graph host case and default port' => base_options(['graph_endpoint' => 'https://Graph.Microsoft.com:443/v1.0']),
    'redirect_uri host case, default port, trailing slash' => base_options(['redirect_uri' => 'https://Squeeze.Example.COM:443/api/v2/importers/email/authenticate/end/']),
];
foreach ($same as $name => $o) {
    printf("%s: %s\n", $name, $fp($o) === $base ? 'same' : 'CHANGED');
}
$m = $fp(base_options(['mailbox' => 'scans@contoso.com']));
printf("mailbox case: %s\n", $fp(base_options(['mailbox' => 'Scans@Contoso.COM'])) === $m ? 'same' : 'CHANGED');
$u = $fp(base_options(['client_id' => 'abcdef00-2222-3333-4444-555555555555']));
printf("client_id GUID case: %s\n", $fp(base_options(['client_id' => 'ABCDEF00-2222-3333-4444-555555555555'])) === $u ? 'same' : 'CHANGED');
$cc = $fp(cc_options());
printf("cc mailbox case: %s\n", $fp(cc_options(['mailbox' => 'SCANS@contoso.com'])) === $cc ? 'same' : 'CHANGED');
// Path case is significant in a redirect URI.
printf("redirect_uri path case: %s\n", $fp(base_options(['redirect_uri' => 'https://squeeze.example.com/API/v2/importers/email/authenticate/end'])) === $base ? 'same' : 'changed');
?>
--EXPECT--
client_secret: same
certificate instead of secret: same
client_secret_expires: same
folders: same
connect_timeout: same
timeout: same
max_retries: same
max_retry_wait: same
concurrency: same
logger: same
encryption_key: same
ca_file: same
cloud global given: same
default endpoints given: same
default scopes given in another order: same
duplicate scope: same
tenant_id case: same
client_id case: same
authority host case: same
graph host case and default port: same
redirect_uri host case, default port, trailing slash: same
mailbox case: same
client_id GUID case: same
cc mailbox case: same
redirect_uri path case: changed
