--TEST--
Refresh failures that need a human: revoked grant (AADSTS50173, 70008) → ReauthenticationRequiredException invalid_grant, the record is marked, status() says so, no further token request
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config, $dir] = sqz_auth($t);

foreach ([50173, 70008] as $code) {
    echo "--- revoked with AADSTS$code\n";
    sqz_sign_in($a, $t);
    $good = sqz_record($store);
    $t->revokeRefreshTokens(ADMIN, $code);
    sqz_make_stale($store);
    $t->clearRequests();
    $e = sqz_catch(fn () => $a->accessToken());
    echo sqz_describe($e), "\n";
    show('message names the code', str_contains($e->getMessage(), "AADSTS$code"));
    show('message names the client id', str_contains($e->getMessage(), CLIENT));
    show('message says authorize again', stripos($e->getMessage(), 'authorize again') !== false);
    show('description', str_starts_with((string) $e->description(), "AADSTS$code:"));
    show('token requests', sqz_grants($t));
    $r = sqz_record($store);
    show('record marked', [$r['needs_reauth'], $r['reason'], $r['error_code']]);
    show('refresh token kept in the record', $r['refresh_token'] === $good['refresh_token']);
    $s = $a->status();
    show('status', [$s->authorized, $s->needsReauthorization, $s->reason, $s->errorCode]);
    show('status lastError', str_contains((string) $s->lastError, "AADSTS$code"));
    show('status account', $s->account);
    // every later call says so at once, without asking Microsoft again; refresh() too
    $t->clearRequests();
    $e2 = sqz_catch(fn () => $a->accessToken());
    echo 'again: ', sqz_describe($e2), "\n";
    $e3 = sqz_catch(fn () => $a->refresh(true));
    echo 'refresh(true): ', sqz_describe($e3), "\n";
    // another process (another Authenticator on the same Store) sees it too
    $other = new SqzGraph\Authenticator($config, new SqzGraph\FileStore($dir));
    echo 'other process: ', sqz_describe(sqz_catch(fn () => $other->accessToken())), "\n";
    show('requests', count($t->requests()));
    // a new sign-in clears the mark
    $t->revokeRefreshTokens(ADMIN, $code);   // (only tokens issued before now)
    usleep(20000);
    $i = sqz_sign_in($a, $t);
    show('signed in again', [$i->authorized, $i->needsReauthorization, $i->reason, $i->errorCode, $i->lastError]);
    $r = sqz_record($store);
    show('mark cleared', [$r['needs_reauth'], $r['reason'], $r['error_code']]);
    sqz_make_stale($store);
    show('refresh works', strlen($a->accessToken()) > 100);
}
?>
--EXPECT--
--- revoked with AADSTS50173
SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS50173'
message names the code: true
message names the client id: true
message says authorize again: true
description: true
token requests: 'refresh_token'
record marked: [true,"invalid_grant","AADSTS50173"]
refresh token kept in the record: true
status: [false,true,"invalid_grant","AADSTS50173"]
status lastError: true
status account: 'admin@contoso.example'
again: SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS50173'
refresh(true): SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS50173'
other process: SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS50173'
requests: 0
signed in again: [true,false,null,null,null]
mark cleared: [false,null,null]
refresh works: true
--- revoked with AADSTS70008
SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS70008'
message names the code: true
message names the client id: true
message says authorize again: true
description: true
token requests: 'refresh_token'
record marked: [true,"invalid_grant","AADSTS70008"]
refresh token kept in the record: true
status: [false,true,"invalid_grant","AADSTS70008"]
status lastError: true
status account: 'admin@contoso.example'
again: SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS70008'
refresh(true): SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS70008'
other process: SqzGraph\ReauthenticationRequiredException reason='invalid_grant' error='invalid_grant' errorCode='AADSTS70008'
requests: 0
signed in again: [true,false,null,null,null]
mark cleared: [false,null,null]
refresh works: true
