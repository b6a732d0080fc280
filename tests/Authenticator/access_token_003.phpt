--TEST--
accessToken(): a refresh answer without refresh_token keeps the old one; refresh_in is honoured; expires_in without refresh_in leaves refresh_at 0
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store] = sqz_auth($t);
sqz_sign_in($a, $t);
$first = sqz_record($store);

// no refresh_token in the answer: the old one stays
sqz_make_stale($store);
$t->tokenResponseOverrides(['omit_refresh_token' => true]);
$t->clearRequests();
$tok = $a->accessToken();
show('requests', sqz_grants($t));
$r = sqz_record($store);
show('new access token', $r['access_token'] === $tok && $tok !== $first['access_token']);
show('refresh token kept', $r['refresh_token'] === $first['refresh_token']);
show('status authorized', $a->status()->authorized);
show('refreshTokenExpiresAt', $a->status()->refreshTokenExpiresAt - $r['last_refresh_at']);
// and the kept one still works
sqz_make_stale($store);
$t->tokenResponseOverrides([]);
$a->accessToken();
show('refresh with the kept token', sqz_grants($t));

// refresh_in: the answer says "refresh after 60 s" although the token lives 3599 s
sqz_make_stale($store);
$t->tokenResponseOverrides(['refresh_in' => 60]);
$t->clearRequests();
$a->accessToken();
$r = sqz_record($store);
show('refresh_at - obtained_at', $r['refresh_at'] - $r['obtained_at']);
show('expires_at - obtained_at', $r['expires_at'] - $r['obtained_at']);
$t->tokenResponseOverrides([]);
$t->clearRequests();
$tok = $a->accessToken();
show('before refresh_at: no request', count($t->requests()));
// refresh_at has passed (as if 61 s went by) while expires_at is far away
sqz_patch_record($store, ['refresh_at' => time() - 1]);
$tok2 = $a->accessToken();
show('after refresh_at: one refresh', sqz_grants($t));
show('new token', $tok2 !== $tok);
$r = sqz_record($store);
show('answer without refresh_in: refresh_at', $r['refresh_at']);
$a->accessToken();
show('then fresh again', sqz_grants($t));

// refresh_in as a numeric string
sqz_make_stale($store);
$t->tokenResponseOverrides(['refresh_in' => '120', 'expires_in' => '3000']);
$a->accessToken();
$r = sqz_record($store);
show('string refresh_in', $r['refresh_at'] - $r['obtained_at']);
show('string expires_in', $r['expires_at'] - $r['obtained_at']);
?>
--EXPECT--
requests: 'refresh_token'
new access token: true
refresh token kept: true
status authorized: true
refreshTokenExpiresAt: 7776000
refresh with the kept token: 'refresh_token,refresh_token'
refresh_at - obtained_at: 60
expires_at - obtained_at: 3599
before refresh_at: no request: 0
after refresh_at: one refresh: 'refresh_token'
new token: true
answer without refresh_in: refresh_at: 0
then fresh again: 'refresh_token'
string refresh_in: 120
string expires_in: 3000
