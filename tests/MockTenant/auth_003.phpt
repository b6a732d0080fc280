--TEST--
Refresh tokens: rotation with the old one still valid, revocation, 90-day inactivity, consent removed
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$first = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
$refresh = fn (string $rt, array $extra = []) => $t->token(TENANT, $extra + ['grant_type' => 'refresh_token',
    'client_id' => CLIENT, 'client_secret' => SECRET, 'refresh_token' => $rt]);
$r1 = $refresh($first['refresh_token']);
show('refresh', [$r1['status'], isset($r1['json']['refresh_token']), $r1['json']['refresh_token'] !== $first['refresh_token']]);
$r2 = $refresh($first['refresh_token']);
show('old RT still valid', $r2['status']);
$r3 = $refresh($r1['json']['refresh_token'], ['scope' => 'Mail.ReadWrite offline_access']);
show('subset scope', [$r3['status'], $r3['json']['scope']]);
$r4 = $refresh($r1['json']['refresh_token'], ['scope' => 'Mail.Send offline_access']);
show('unconsented scope', aadsts($r4));
show('garbage RT', aadsts($refresh('not-a-token')));
$t->setConsent(CLIENT, ADMIN, null);
show('consent removed', aadsts($refresh($r1['json']['refresh_token'])));
$t->setConsent(CLIENT, ADMIN, ['Mail.ReadWrite']);
show('consent back', $refresh($r1['json']['refresh_token'])['status']);
$t->ageRefreshTokens(91 * 86400);
$old = $refresh($r1['json']['refresh_token']);
show('inactive 91 days', aadsts($old));
show('inactive text', (bool) preg_match('/inactive for 90\.00:00:00/', $old['json']['error_description']));
$fresh = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
usleep(20000);   // tokens issued before the revocation instant are dead
$t->revokeRefreshTokens(ADMIN);
$rev = $refresh($fresh['refresh_token']);
show('revoked', [$rev['status'], aadsts($rev)]);
$again = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
show('after new sign-in', $refresh($again['refresh_token'])['status']);
$t->revokeRefreshTokens(ADMIN, 70008);
show('revoked as 70008', aadsts($refresh($again['refresh_token'])));
$noOffline = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN, 'Mail.ReadWrite');
show('no offline_access', [isset($noOffline['refresh_token']), isset($noOffline['id_token'])]);
?>
--EXPECT--
refresh: [200,true,true]
old RT still valid: 200
subset scope: [200,"Mail.ReadWrite offline_access"]
unconsented scope: 'invalid_grant 65001 consent_required'
garbage RT: 'invalid_grant 9002313 -'
consent removed: 'invalid_grant 65001 consent_required'
consent back: 200
inactive 91 days: 'invalid_grant 700082 bad_token'
inactive text: true
revoked: [400,"invalid_grant 50173 bad_token"]
after new sign-in: 200
revoked as 70008: 'invalid_grant 70008 bad_token'
no offline_access: [false,false]
