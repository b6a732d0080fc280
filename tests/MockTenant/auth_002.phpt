--TEST--
Authorize/token errors: PKCE, redirect URIs (page, loopback any port), unknown app, deny, prompt=none, expired code
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$base = ['client_id' => CLIENT, 'response_type' => 'code', 'redirect_uri' => REDIRECT,
    'scope' => 'offline_access Mail.ReadWrite', 'state' => 'xyz', 'login_hint' => ADMIN];
$redeem = function (array $code, array $extra = []) use ($t) {
    return $t->token(TENANT, $extra + ['grant_type' => 'authorization_code', 'client_id' => CLIENT,
        'client_secret' => SECRET, 'code' => $code['query']['code'], 'redirect_uri' => REDIRECT]);
};
[$v, $c] = pkce();
$a = $t->authorize($t->authorizeUrl(TENANT, $base + ['code_challenge' => $c, 'code_challenge_method' => 'S256']));
show('wrong verifier', aadsts($redeem($a, ['code_verifier' => 'x' . $v])));
$a = $t->authorize($t->authorizeUrl(TENANT, $base + ['code_challenge' => $c, 'code_challenge_method' => 'S256']));
show('no verifier', aadsts($redeem($a)));
$a = $t->authorize($t->authorizeUrl(TENANT, $base));
show('no pkce at all', $redeem($a)['status']);
$a = $t->authorize($t->authorizeUrl(TENANT, $base));
$r = $redeem($a, ['redirect_uri' => 'http://127.0.0.1:9999/api/v2/importers/email/authenticate/end']);
show('redirect differs at token', aadsts($r));
$a = $t->authorize($t->authorizeUrl(TENANT, $base));
$t->setClockOffset(11 * 60);
show('code after 11 min', aadsts($redeem($a)));
$t->setClockOffset(0);
$a = $t->authorize($t->authorizeUrl('contoso.example', ['redirect_uri' => 'http://127.0.0.1:5/api/v2/importers/email/authenticate/end'] + $base));
show('loopback other port + domain tenant', $a['status'] . ' ' . isset($a['query']['code']));
$a = $t->authorize($t->authorizeUrl('common', $base));
show('common, code at tenant', aadsts($redeem($a)));
$bad = $t->http('GET', $t->authorizeUrl(TENANT, ['redirect_uri' => 'https://evil.example/cb'] + $base));
show('unregistered redirect', [$bad['status'], isset($bad['headers']['location']), str_contains($bad['body'], 'AADSTS50011'),
    str_contains($bad['headers']['content-type'], 'text/html')]);
$bad = $t->http('GET', $t->authorizeUrl(TENANT, ['redirect_uri' => 'http://127.0.0.1:5/other/path'] + $base));
show('loopback other path', [$bad['status'], str_contains($bad['body'], 'AADSTS50011')]);
$bad = $t->http('GET', $t->authorizeUrl(TENANT, ['client_id' => '11111111-2222-4333-8444-555555555555'] + $base));
show('unknown app', [$bad['status'], str_contains($bad['body'], 'AADSTS700016')]);
$bad = $t->http('GET', $t->authorizeUrl('nosuch.example', $base));
show('unknown tenant', [$bad['status'], str_contains($bad['body'], 'AADSTS90002')]);
$d = $t->authorize($t->authorizeUrl(TENANT, $base), 'deny');
show('deny', [$d['status'], $d['query']['error'], substr($d['query']['error_description'], 0, 58), $d['query']['state']]);
$n = $t->authorize($t->authorizeUrl(TENANT, $base + ['prompt' => 'none']));
show('prompt=none', [$n['query']['error'], $n['query']['state']]);
$s = $t->authorize($t->authorizeUrl(TENANT, ['scope' => 'Mail.ReadWrite https://graph.microsoft.com/.default'] + $base));
show('mixed .default', $s['query']['error']);
$u = $t->authorize($t->authorizeUrl(TENANT, $base), 'accept', 'nobody@contoso.example');
show('unknown user stays on page', [$u['status'], str_contains($u['body'], 'AADSTS50034')]);
// SSO: a session cookie plus existing consent redirects at once, also with prompt=none.
$a = $t->authorize($t->authorizeUrl(TENANT, $base));
$sso = $t->http('GET', $t->authorizeUrl(TENANT, $base + ['prompt' => 'none']), ['Cookie: ESTSAUTH=' . $a['session']]);
show('sso', [$sso['status'], str_contains($sso['headers']['location'], 'code=')]);
?>
--EXPECT--
wrong verifier: 'invalid_grant 501481 -'
no verifier: 'invalid_grant 50148 -'
no pkce at all: 200
redirect differs at token: 'invalid_grant 50011 -'
code after 11 min: 'invalid_grant 70008 -'
loopback other port + domain tenant: '302 1'
common, code at tenant: 'invalid_grant 700005 -'
unregistered redirect: [400,false,true,true]
loopback other path: [400,true]
unknown app: [400,true]
unknown tenant: [400,true]
deny: [302,"access_denied","AADSTS65004: User declined to consent to access the app.\r\n","xyz"]
prompt=none: ["interaction_required","xyz"]
mixed .default: 'invalid_scope'
unknown user stays on page: [200,true]
sso: [302,true]
