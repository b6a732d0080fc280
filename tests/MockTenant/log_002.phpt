--TEST--
Request log: token_request describes a token request (parameter names, scope, redirect_uri, client authentication, assertion claims) without any secret
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$cert = MockTenant::selfSignedCertificate();
$t->updateApp(CLIENT, ['certificates' => [$cert['cert']]]);
$tok = appToken($t);
$assertion = MockTenant::clientAssertion(CLIENT, $t->tokenUrl(TENANT), $cert['cert'], $cert['key']);
$t->token(TENANT, ['grant_type' => 'client_credentials', 'client_id' => CLIENT, 'scope' => $t->baseUrl . '/.default',
    'client_assertion_type' => 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', 'client_assertion' => $assertion]);
$d = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
$t->token(TENANT, ['grant_type' => 'refresh_token', 'client_id' => CLIENT, 'refresh_token' => $d['refresh_token']],
    ['Authorization: Basic ' . base64_encode(rawurlencode(CLIENT) . ':' . rawurlencode(SECRET))]);
$t->graphGet($tok, '/me');
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'status' => 503, 'times' => 1]);
$t->token(TENANT, ['grant_type' => 'refresh_token', 'client_id' => CLIENT, 'client_secret' => SECRET, 'refresh_token' => $d['refresh_token']]);
$log = $t->requests();
foreach ($log as $e) {
    $r = $e['token_request'];
    if ($r === null) {
        echo $e['method'], ' ', strtok($e['target'], '?'), ": null\n";
        continue;
    }
    echo $e['grant_type'], $e['status'] === 503 ? ' (503 fault)' : '', ': ', json_encode(['params' => $r['params'], 'client_auth' => $r['client_auth'],
        'scope' => $r['scope'] === null ? null : str_replace($t->baseUrl, '{mock}', $r['scope']), 'redirect_uri' => $r['redirect_uri'],
        'client_id' => $r['client_id'] === CLIENT], JSON_UNESCAPED_SLASHES), "\n";
    if (is_array($r['assertion'])) {
        $h = $r['assertion']['header'];
        $c = $r['assertion']['claims'];
        echo '  assertion: ', json_encode([$h['alg'], isset($h['x5t#S256']), $c['aud'] === $t->tokenUrl(TENANT), $c['iss'], $c['exp'] - $c['nbf']]), "\n";
    }
}
$json = json_encode($log);
show('no secrets', !str_contains($json, SECRET) && !str_contains($json, $d['refresh_token']) && !str_contains($json, $tok)
    && !str_contains($json, explode('.', $assertion)[2]) && !str_contains($json, $d['access_token']));
?>
--EXPECT--
client_credentials: {"params":["client_id","client_secret","grant_type","scope"],"client_auth":"client_secret","scope":"{mock}/.default","redirect_uri":null,"client_id":true}
client_credentials: {"params":["client_assertion","client_assertion_type","client_id","grant_type","scope"],"client_auth":"client_assertion","scope":"{mock}/.default","redirect_uri":null,"client_id":true}
  assertion: ["PS256",true,true,"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c",600]
GET /7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11/oauth2/v2.0/authorize: null
POST /7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11/login: null
authorization_code: {"params":["client_id","client_secret","code","code_verifier","grant_type","redirect_uri"],"client_auth":"client_secret","scope":null,"redirect_uri":"http://127.0.0.1:8123/api/v2/importers/email/authenticate/end","client_id":true}
refresh_token: {"params":["client_id","grant_type","refresh_token"],"client_auth":"basic","scope":null,"redirect_uri":null,"client_id":true}
GET /v1.0/me: null
refresh_token (503 fault): {"params":["client_id","client_secret","grant_type","refresh_token"],"client_auth":"client_secret","scope":null,"redirect_uri":null,"client_id":true}
no secrets: true
