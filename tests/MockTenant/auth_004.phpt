--TEST--
Client credentials: roles claim, no refresh token, /common refused, scope rules, secret errors, HTTP Basic
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('shared');
$tid = 'f4e5d6c7-1111-4222-8333-944455566677';
$cc = fn (string $tenant, array $f, array $h = []) => $t->token($tenant, $f + ['grant_type' => 'client_credentials',
    'client_id' => '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', 'client_secret' => 'Daemon~secret-1.Fabrikam',
    'scope' => 'https://graph.microsoft.com/.default'], $h);
$ok = $cc($tid, []);
show('ok', [$ok['status'], array_keys($ok['json'])]);
$c = jwtClaims($ok['json']['access_token']);
show('claims', [$c['roles'], $c['tid'], $c['appid'], isset($c['scp'])]);
show('by domain', $cc('fabrikam.example', [])['status']);
show('mock origin scope', $cc($tid, ['scope' => $t->baseUrl . '/.default'])['status']);
show('common', aadsts($cc('common', [])));
show('consumers', aadsts($cc('consumers', [])));
show('unknown tenant', aadsts($cc('nosuch.example', [])));
show('not .default', aadsts($cc($tid, ['scope' => 'https://graph.microsoft.com/Mail.Read'])));
show('other resource', aadsts($cc($tid, ['scope' => 'https://outlook.office365.com/.default'])));
$w = $cc($tid, ['client_secret' => 'wrong']);
show('wrong secret', [$w['status'], aadsts($w)]);
$t->updateApp('9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', ['secrets' => [['value' => 'Daemon~secret-1.Fabrikam', 'expires' => '2021-06-30']]]);
$e = $cc($tid, []);
show('expired secret', [$e['status'], aadsts($e)]);
$t->updateApp('9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e', ['secrets' => [['value' => 'Daemon~secret-1.Fabrikam']]]);
show('no secret', aadsts($t->token($tid, ['grant_type' => 'client_credentials', 'client_id' => '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
    'scope' => 'https://graph.microsoft.com/.default'])));
$basic = 'Authorization: Basic ' . base64_encode(urlencode('9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e') . ':' . urlencode('Daemon~secret-1.Fabrikam'));
show('basic auth', $t->token($tid, ['grant_type' => 'client_credentials', 'scope' => 'https://graph.microsoft.com/.default'], [$basic])['status']);
show('missing grant_type', aadsts($t->token($tid, ['client_id' => 'x'])));
show('missing scope', aadsts($cc($tid, ['scope' => ''])));
show('unknown client', aadsts($cc($tid, ['client_id' => '11111111-2222-4333-8444-555555555555'])));
show('unsupported grant', aadsts($cc($tid, ['grant_type' => 'password'])));
show('GET token endpoint', $t->http('GET', $t->tokenUrl($tid))['status']);
?>
--EXPECT--
ok: [200,["token_type","expires_in","ext_expires_in","access_token"]]
claims: [["Mail.ReadWrite"],"f4e5d6c7-1111-4222-8333-944455566677","9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e",false]
by domain: 200
mock origin scope: 200
common: 'invalid_request 9001023 -'
consumers: 'invalid_request 9001023 -'
unknown tenant: 'invalid_request 90002 -'
not .default: 'invalid_scope 1002012 -'
other resource: 'invalid_resource 500011 -'
wrong secret: [401,"invalid_client 7000215 -"]
expired secret: [401,"invalid_client 7000222 -"]
no secret: 'invalid_client 7000218 -'
basic auth: 200
missing grant_type: 'invalid_request 900144 -'
missing scope: 'invalid_request 900144 -'
unknown client: 'unauthorized_client 700016 -'
unsupported grant: 'unsupported_grant_type 70003 -'
GET token endpoint: 400
