--TEST--
Certificate credential: every token request carries a PS256 client_assertion with x5t#S256 (verified by the mock), for client_credentials and for the delegated flow; an unregistered certificate → AADSTS700027 with advice
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$cert = MockTenant::selfSignedCertificate();
openssl_pkey_export($cert['key'], $keyPem);
$t->updateApp(CLIENT, ['certificates' => [$cert['cert']]]);
$cred = ['client_secret' => null, 'client_certificate' => $cert['cert'], 'client_private_key' => $keyPem];

function assertion_summary(MockTenant $t, array $e, string $certPem): string
{
    $d = $e['token_request'];
    if (!is_array($d['assertion'] ?? null)) {
        return 'no assertion: ' . json_encode($d);
    }
    $h = $d['assertion']['header'];
    $c = $d['assertion']['claims'];
    $der = base64_decode(preg_replace('/-----[^-]+-----|\s/', '', $certPem));
    $thumb = rtrim(strtr(base64_encode(hash('sha256', $der, true)), '+/', '-_'), '=');
    $sent = (int) $e['ts'];
    return json_encode([
        'params' => $d['params'], 'alg' => $h['alg'], 'typ' => $h['typ'] ?? null, 'x5t#S256' => ($h['x5t#S256'] ?? null) === $thumb,
        'no x5t' => !isset($h['x5t']), 'aud' => $c['aud'] === $t->tokenUrl(TENANT), 'iss' => $c['iss'], 'sub' => $c['sub'],
        'jti' => (bool) preg_match('/^[0-9a-f-]{16,}$/i', (string) ($c['jti'] ?? '')),
        'nbf≈now' => abs($c['nbf'] - $sent) <= 2 * MockTenant::slowdown(), 'iat=nbf' => ($c['iat'] ?? null) === $c['nbf'], 'exp-nbf' => $c['exp'] - $c['nbf'],
        'ints' => is_int($c['nbf']) && is_int($c['exp']),
    ], JSON_UNESCAPED_UNICODE);
}

echo "--- client_credentials\n";
[$a, $store] = sqz_auth($t, ['flow' => 'client_credentials'] + $cred);
$tok = $a->accessToken();
$reqs = sqz_token_requests($t);
show('grants', sqz_grants($t));
echo assertion_summary($t, $reqs[0], $cert['cert']), "\n";
show('token works', $t->graphGet($tok, '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox')['status']);
// a fresh assertion per request (new jti)
sqz_make_stale($store);
$a->accessToken();
$reqs = sqz_token_requests($t);
show('new jti per request', $reqs[0]['token_request']['assertion']['claims']['jti'] !== $reqs[1]['token_request']['assertion']['claims']['jti']);

echo "--- delegated\n";
$t->clearRequests();
[$d, $dstore] = sqz_auth($t, $cred);
show('signed in', sqz_sign_in($d, $t)->authorized);
sqz_make_stale($dstore);
$d->accessToken();
show('grants', sqz_grants($t));
foreach (sqz_token_requests($t) as $e) {
    echo $e['grant_type'], ': ', assertion_summary($t, $e, $cert['cert']), "\n";
}

echo "--- a certificate the app does not know\n";
$other = MockTenant::selfSignedCertificate();
openssl_pkey_export($other['key'], $otherKey);
[$u] = sqz_auth($t, ['flow' => 'client_credentials', 'client_secret' => null, 'client_certificate' => $other['cert'], 'client_private_key' => $otherKey]);
$e = sqz_catch(fn () => $u->accessToken());
echo sqz_describe($e), "\n";
show('advice', str_contains((string) $e?->getMessage(), 'upload this certificate'));
show('no key in the message', !str_contains((string) $e?->getMessage(), 'PRIVATE'));
?>
--EXPECT--
--- client_credentials
grants: 'client_credentials'
{"params":["client_assertion","client_assertion_type","client_id","grant_type","scope"],"alg":"PS256","typ":"JWT","x5t#S256":true,"no x5t":true,"aud":true,"iss":"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c","sub":"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c","jti":true,"nbf≈now":true,"iat=nbf":true,"exp-nbf":600,"ints":true}
token works: 200
new jti per request: true
--- delegated
signed in: true
grants: 'authorization_code,refresh_token'
authorization_code: {"params":["client_assertion","client_assertion_type","client_id","code","code_verifier","grant_type","redirect_uri","scope"],"alg":"PS256","typ":"JWT","x5t#S256":true,"no x5t":true,"aud":true,"iss":"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c","sub":"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c","jti":true,"nbf≈now":true,"iat=nbf":true,"exp-nbf":600,"ints":true}
refresh_token: {"params":["client_assertion","client_assertion_type","client_id","grant_type","refresh_token","scope"],"alg":"PS256","typ":"JWT","x5t#S256":true,"no x5t":true,"aud":true,"iss":"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c","sub":"3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c","jti":true,"nbf≈now":true,"iat=nbf":true,"exp-nbf":600,"ints":true}
--- a certificate the app does not know
SqzGraph\AuthorizationException error='invalid_client' errorCode='AADSTS700027'
advice: true
no key in the message: true
