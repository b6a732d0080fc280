--TEST--
Refresh failures that need a human: 90 idle days at Microsoft (AADSTS700082), consent removed (AADSTS65001 → consent_required), and the local 90-day rule (refresh_token_expired, no request)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');

echo "--- refresh token idle for 91 days at Microsoft\n";
[$a, $store] = sqz_auth($t);
sqz_sign_in($a, $t);
$t->ageRefreshTokens(91 * 86400);
sqz_make_stale($store);
$e = sqz_catch(fn () => $a->accessToken());
echo sqz_describe($e), "\n";
show('message has advice', str_contains($e->getMessage(), '90 days'));
$s = $a->status();
show('status', [$s->authorized, $s->needsReauthorization, $s->reason, $s->errorCode]);

echo "--- consent withdrawn\n";
[$a, $store] = sqz_auth($t);
sqz_sign_in($a, $t);
$t->setConsent(CLIENT, ADMIN, null);
sqz_make_stale($store);
$e = sqz_catch(fn () => $a->accessToken());
echo sqz_describe($e), "\n";
$s = $a->status();
show('status', [$s->authorized, $s->needsReauthorization, $s->reason, $s->errorCode]);
show('record', [sqz_record($store)['needs_reauth'], sqz_record($store)['reason']]);

echo "--- our own 90-day rule: the last refresh is more than 90 days ago\n";
[$a, $store] = sqz_auth($t);
sqz_sign_in($a, $t);
$t->clearRequests();
sqz_patch_record($store, ['last_refresh_at' => time() - IDLE_LIMIT - 5, 'expires_at' => time() - 10]);
$s = $a->status();
show('status', [$s->authorized, $s->needsReauthorization, $s->reason, $s->errorCode]);
show('refreshTokenExpiresAt in the past', $s->refreshTokenExpiresAt < time());
$e = sqz_catch(fn () => $a->accessToken());
echo sqz_describe($e), "\n";
show('requests', count($t->requests()));
echo "--- 89 days: still fine, and the refresh restarts the clock\n";
sqz_patch_record($store, ['last_refresh_at' => time() - 89 * 86400, 'expires_at' => time() - 10]);
$s = $a->status();
show('status', [$s->authorized, $s->needsReauthorization, $s->reason]);
$a->accessToken();
$s = $a->status();
show('refreshed', sqz_grants($t));
show('clock restarted', $s->refreshTokenExpiresAt - time() > IDLE_LIMIT - 60);
?>
--EXPECT--
--- refresh token idle for 91 days at Microsoft
SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS700082'
message has advice: true
status: [false,true,"invalid_grant","AADSTS700082"]
--- consent withdrawn
SqzGraph\ReauthenticationRequiredException reason='consent_required' error='invalid_grant' errorCode='AADSTS65001'
status: [false,true,"consent_required","AADSTS65001"]
record: [true,"consent_required"]
--- our own 90-day rule: the last refresh is more than 90 days ago
status: [false,true,"refresh_token_expired",null]
refreshTokenExpiresAt in the past: true
SqzGraph\ReauthenticationRequiredException reason='refresh_token_expired' error=NULL errorCode=NULL
requests: 0
--- 89 days: still fine, and the refresh restarts the clock
status: [true,false,null]
refreshed: 'refresh_token'
clock restarted: true
