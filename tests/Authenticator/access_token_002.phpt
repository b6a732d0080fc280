--TEST--
accessToken(): a token answered with expires_in < 300 is stale at once → exactly one refresh; the rotated refresh token replaces the old one in the same write
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store] = sqz_auth($t);
$t->tokenResponseOverrides(['expires_in' => 200]);
$info = sqz_sign_in($a, $t);
show('expires in', $info->expiresAt - $info->obtainedAt);
$old = sqz_record($store);
$t->tokenResponseOverrides([]);

$t->clearRequests();
$before = time();
$tok = $a->accessToken();
$after = time();
show('token requests', sqz_grants($t));
$new = sqz_record($store);
show('returned = stored', $tok === $new['access_token']);
show('new access token', $new['access_token'] !== $old['access_token']);
show('new refresh token (rotation)', $new['refresh_token'] !== $old['refresh_token']);
show('expires_at = sent + 3599', $new['expires_at'] - $new['obtained_at']);
show('obtained_at now', $new['obtained_at'] >= $before && $new['obtained_at'] <= $after);
show('last_refresh_at moved', $new['last_refresh_at'] === $new['obtained_at']);
show('account kept', $new['account']);
show('fingerprint kept', $new['fingerprint'] === $old['fingerprint']);

// the new token is fresh: no further request
$t->clearRequests();
show('same token', $a->accessToken() === $tok);
show('requests', count($t->requests()));
// the new token works at Graph
show('GET /me', $t->graphGet($tok, '/me')['status']);

// the stored refresh token is the one the mock issued last: refreshing with it works
sqz_make_stale($store);
$t->clearRequests();
$tok2 = $a->accessToken();
show('second refresh', sqz_grants($t));
show('third refresh token', sqz_record($store)['refresh_token'] !== $new['refresh_token']);
show('GET /me', $t->graphGet($tok2, '/me')['status']);

// refresh() reports it
$i = $a->refresh(true);
show('refresh(true) requests', sqz_grants($t));
show('refresh(true) authorized', $i->authorized);
show('refresh(true) lastRefreshAt = obtainedAt', $i->lastRefreshAt === $i->obtainedAt);
show('refresh(true) refreshTokenExpiresAt', $i->refreshTokenExpiresAt - $i->lastRefreshAt);
?>
--EXPECT--
expires in: 200
token requests: 'refresh_token'
returned = stored: true
new access token: true
new refresh token (rotation): true
expires_at = sent + 3599: 3599
obtained_at now: true
last_refresh_at moved: true
account kept: 'admin@contoso.example'
fingerprint kept: true
same token: true
requests: 0
GET /me: 200
second refresh: 'refresh_token'
third refresh token: true
GET /me: 200
refresh(true) requests: 'refresh_token,refresh_token'
refresh(true) authorized: true
refresh(true) lastRefreshAt = obtainedAt: true
refresh(true) refreshTokenExpiresAt: 7776000
