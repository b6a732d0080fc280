--TEST--
Certificate credentials: client_assertion PS256/x5t#S256 and RS256/x5t, bad signature, unknown cert, time range, audience
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$cert = MockTenant::selfSignedCertificate();
$other = MockTenant::selfSignedCertificate();
$t->updateApp(CLIENT, ['certificates' => [$cert['cert']]]);
$aud = $t->tokenUrl(TENANT);
$try = function (string $assertion) use ($t) {
    return $t->token(TENANT, ['grant_type' => 'client_credentials', 'client_id' => CLIENT, 'scope' => 'https://graph.microsoft.com/.default',
        'client_assertion_type' => 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', 'client_assertion' => $assertion]);
};
show('PS256', $try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $cert['key']))['status']);
show('RS256 x5t', $try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $cert['key'], 'RS256', [], 'x5t'))['status']);
show('aud by domain', $try(MockTenant::clientAssertion(CLIENT, $t->tokenUrl('contoso.example'), $cert['cert'], $cert['key']))['status']);
$r = $try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $other['key']));
show('signed by another key', [$r['status'], aadsts($r)]);
show('unknown certificate', aadsts($try(MockTenant::clientAssertion(CLIENT, $aud, $other['cert'], $other['key']))));
show('expired', aadsts($try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $cert['key'], 'PS256',
    ['nbf' => time() - 3600, 'iat' => time() - 3600, 'exp' => time() - 1200]))));
show('not yet valid', aadsts($try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $cert['key'], 'PS256',
    ['nbf' => time() + 1200, 'exp' => time() + 1800]))));
show('wrong aud', aadsts($try(MockTenant::clientAssertion(CLIENT, 'https://login.microsoftonline.com/' . TENANT . '/oauth2/v2.0/token',
    $cert['cert'], $cert['key']))));
show('wrong iss', aadsts($try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $cert['key'], 'PS256', ['iss' => 'someone', 'sub' => 'someone']))));
show('HS256', aadsts($try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $cert['key'], 'RS256', [], 'x5t#S256') . 'x')));
// The tenant's clock decides: 20 minutes ahead, a fresh assertion has expired.
$t->setClockOffset(1200);
show('server clock ahead', aadsts($try(MockTenant::clientAssertion(CLIENT, $aud, $cert['cert'], $cert['key']))));
?>
--EXPECT--
PS256: 200
RS256 x5t: 200
aud by domain: 200
signed by another key: [401,"invalid_client 700027 -"]
unknown certificate: 'invalid_client 700027 -'
expired: 'invalid_client 700024 -'
not yet valid: 'invalid_client 700024 -'
wrong aud: 'invalid_client 700212 -'
wrong iss: 'invalid_client 700021 -'
HS256: 'invalid_client 700027 -'
server clock ahead: 'invalid_client 700024 -'
