--TEST--
Auth code flow with PKCE: sign-in page, code, redemption, id_token, single-use code, error body shape
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$verifier, $challenge] = pkce();
$url = $t->authorizeUrl(TENANT, ['client_id' => CLIENT, 'response_type' => 'code', 'redirect_uri' => REDIRECT,
    'scope' => 'openid profile offline_access https://graph.microsoft.com/Mail.ReadWrite', 'state' => 'st-123',
    'nonce' => 'n-456', 'login_hint' => ADMIN, 'code_challenge' => $challenge, 'code_challenge_method' => 'S256']);
$page = $t->http('GET', $url);
show('page status', $page['status']);
show('page has form ids', str_contains($page['body'], 'id="username"') && str_contains($page['body'], 'id="accept"') && str_contains($page['body'], 'id="deny"'));
$a = $t->authorize($url);
show('redirect status', $a['status']);
show('redirect target', strtok($a['location'], '?'));
show('state echoed', $a['query']['state']);
show('has code', isset($a['query']['code']));
$form = ['grant_type' => 'authorization_code', 'client_id' => CLIENT, 'client_secret' => SECRET,
    'code' => $a['query']['code'], 'redirect_uri' => REDIRECT, 'code_verifier' => $verifier];
$r = $t->token(TENANT, $form);
show('token status', $r['status']);
show('fields', array_keys($r['json']));
show('token_type', $r['json']['token_type']);
show('expires_in', $r['json']['expires_in']);
show('scope', $r['json']['scope']);
$id = jwtClaims($r['json']['id_token']);
show('id_token', [$id['preferred_username'], $id['nonce'], $id['tid'], $id['aud']]);
$at = jwtClaims($r['json']['access_token']);
show('access token', [$at['aud'] === $t->baseUrl, $at['scp'], $at['upn'], $at['exp'] - $at['iat']]);
$again = $t->token(TENANT, $form);
show('reuse status', $again['status']);
show('reuse error', aadsts($again));
$j = $again['json'];
show('error keys', array_keys($j));
show('description shape', (bool) preg_match("/^AADSTS54005: .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s", $j['error_description']));
show('timestamp', (bool) preg_match('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/', $j['timestamp']));
show('error_uri', $j['error_uri'] === $t->baseUrl . '/error?code=54005');
show('no-store', $again['headers']['cache-control']);
// MSAL's account key: client_info=1 puts base64url {"uid","utid"} in the redirect and the token response (GRAPH-FACTS §8).
$a = $t->authorize($t->authorizeUrl(TENANT, ['client_id' => CLIENT, 'response_type' => 'code', 'redirect_uri' => REDIRECT,
    'scope' => 'openid Mail.Read', 'state' => 's', 'client_info' => '1', 'login_hint' => ADMIN]));
$ci = fn (string $s) => json_decode(base64_decode(strtr($s, '-_', '+/')), true);
$tk = $t->token(TENANT, ['grant_type' => 'authorization_code', 'client_id' => CLIENT, 'client_secret' => SECRET,
    'code' => $a['query']['code'], 'redirect_uri' => REDIRECT, 'client_info' => '1']);
show('client_info', [$ci($a['query']['client_info']), $ci($tk['json']['client_info']) === $ci($a['query']['client_info']),
    isset($tk['json']['refresh_token'])]);
?>
--EXPECT--
page status: 200
page has form ids: true
redirect status: 302
redirect target: 'http://127.0.0.1:8123/api/v2/importers/email/authenticate/end'
state echoed: 'st-123'
has code: true
token status: 200
fields: ["token_type","scope","expires_in","ext_expires_in","access_token","refresh_token","id_token"]
token_type: 'Bearer'
expires_in: 3599
scope: 'https://graph.microsoft.com/Mail.ReadWrite openid profile offline_access'
id_token: ["admin@contoso.example","n-456","7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11","3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c"]
access token: [true,"Mail.ReadWrite","admin@contoso.example",3599]
reuse status: 400
reuse error: 'invalid_grant 54005 -'
error keys: ["error","error_description","error_codes","timestamp","trace_id","correlation_id","error_uri"]
description shape: true
timestamp: true
error_uri: true
no-store: 'no-store, no-cache'
client_info: [{"uid":"a1b2c3d4-0000-4000-8000-000000000001","utid":"7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11"},true,false]
