--TEST--
completeAuthorization(): an error in the redirect (consent declined) and a failed code redemption are AuthorizationExceptions carrying error, AADSTS code and description
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store] = sqz_auth($t);

// the user presses Cancel on the consent page
$b = $a->beginAuthorization();
$r = $t->authorize($b['url'], 'deny');
show('redirect error', $r['query']['error'] ?? null);
show('redirect keeps state', ($r['query']['state'] ?? null) === $b['state']);
$t->clearRequests();
$e = sqz_catch(fn () => $a->completeAuthorization($r['query']));
echo sqz_describe($e), "\n";
show('exact class', get_class($e) === SqzGraph\AuthorizationException::class);
show('description', str_starts_with((string) $e->description(), 'AADSTS65004: User declined to consent to access the app')
    && !str_contains((string) $e->description(), 'Trace ID'));
show('message names the code', str_contains($e->getMessage(), 'AADSTS65004'));
show('no token request', count($t->requests()));
show('state consumed', $store->get(sqz_pending_key($b['state'])));
show('nothing stored', $store->get('token'));
$s = $a->status();
show('status', [$s->authorized, $s->reason]);

// an error before Microsoft knew the state (no state in the redirect) still says why
$e = sqz_catch(fn () => $a->completeAuthorization(['error' => 'invalid_request',
    'error_description' => "AADSTS900144: The request body must contain the following parameter: 'client_id'."]));
echo sqz_describe($e), "\n";

// the code is older than its 10 minutes when redeemed (the tenant's clock moves on)
$q = sqz_consent($a, $t);
$t->setClockOffset(700);
$e = sqz_catch(fn () => $a->completeAuthorization($q));
$t->setClockOffset(0);
echo sqz_describe($e), "\n";
show('not a re-authentication', !$e instanceof SqzGraph\ReauthenticationRequiredException);
show('nothing stored', $store->get('token'));
show('lastError kept for status()', str_contains((string) $a->status()->lastError, 'AADSTS70008'));

// wrong client secret at redemption
[$w, $wstore] = sqz_auth($t, ['client_secret' => 'Sq~not-the-secret']);
$q = sqz_consent($w, $t);
$e = sqz_catch(fn () => $w->completeAuthorization($q));
echo sqz_describe($e), "\n";
show('advice', str_contains($e->getMessage(), "Value"));
show('secret not in the message', !str_contains($e->getMessage(), 'Sq~not-the-secret'));
show('nothing stored', $wstore->get('token'));

// afterwards a normal sign-in works and clears lastError
$info = sqz_sign_in($a, $t);
show('authorized', $info->authorized);
show('lastError', $info->lastError);
?>
--EXPECT--
redirect error: 'access_denied'
redirect keeps state: true
SqzGraph\AuthorizationException error='access_denied' errorCode='AADSTS65004'
exact class: true
description: true
message names the code: true
no token request: 0
state consumed: NULL
nothing stored: NULL
status: [false,"not_authorized"]
SqzGraph\AuthorizationException error='invalid_request' errorCode='AADSTS900144'
SqzGraph\AuthorizationException error='invalid_grant' errorCode='AADSTS70008'
not a re-authentication: true
nothing stored: NULL
lastError kept for status(): true
SqzGraph\AuthorizationException error='invalid_client' errorCode='AADSTS7000215'
advice: true
secret not in the message: true
nothing stored: NULL
authorized: true
lastError: NULL
