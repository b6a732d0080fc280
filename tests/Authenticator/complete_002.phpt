--TEST--
completeAuthorization(): a state is single-use; unknown, missing and expired (> 10 min) states are refused without a token request
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store] = sqz_auth($t);

// unknown state (never begun here) with a real code from the mock
$q = sqz_consent($a, $t);
$forged = ['code' => $q['code'], 'state' => rtrim(strtr(base64_encode(random_bytes(32)), '+/', '-_'), '=')];
$t->clearRequests();
$e = sqz_catch(fn () => $a->completeAuthorization($forged));
echo 'unknown: ', sqz_describe($e), "\n";
show('unknown: no token request', count(sqz_token_requests($t)));
show('unknown: the code is not in the message', !str_contains((string) $e?->getMessage(), $q['code']));

// missing state
$e = sqz_catch(fn () => $a->completeAuthorization(['code' => $q['code']]));
echo 'missing: ', sqz_describe($e), "\n";
$e = sqz_catch(fn () => $a->completeAuthorization([]));
echo 'empty query: ', sqz_describe($e), "\n";
show('still nothing stored', $store->get('token'));

// the real state works once ...
$info = $a->completeAuthorization($q);
show('first use authorized', $info->authorized);
$record = $store->get('token');
// ... and never again, not even with a new code of the mock
$t->clearRequests();
$e = sqz_catch(fn () => $a->completeAuthorization($q));
echo 'reused: ', sqz_describe($e), "\n";
show('reused: no token request', count(sqz_token_requests($t)));
show('reused: record untouched', $store->get('token') === $record);
show('reused: still authorized', $a->status()->authorized);

// a state older than 10 minutes
$b = $a->beginAuthorization();
$key = sqz_pending_key($b['state']);
$p = json_decode($store->get($key), true);
$p['created_at'] -= 601;
$store->put($key, json_encode($p));
$r = $t->authorize($b['url']);
$t->clearRequests();
$e = sqz_catch(fn () => $a->completeAuthorization($r['query']));
echo 'expired: ', sqz_describe($e), "\n";
show('expired: message says 10 minutes', str_contains((string) $e?->getMessage(), '10 minutes'));
show('expired: no token request', count(sqz_token_requests($t)));
show('expired: pending removed', $store->get($key));

// 9 minutes old is still fine
$b = $a->beginAuthorization();
$key = sqz_pending_key($b['state']);
$p = json_decode($store->get($key), true);
$p['created_at'] -= 540;
$store->put($key, json_encode($p));
$r = $t->authorize($b['url']);
show('9 minutes: authorized', $a->completeAuthorization($r['query'])->authorized);

// a state begun in another Store is unknown here
[$other] = sqz_auth($t);
$q2 = sqz_consent($other, $t);
$e = sqz_catch(fn () => $a->completeAuthorization($q2));
echo 'other store: ', sqz_describe($e), "\n";
show('other store can still complete it', $other->completeAuthorization($q2)->authorized);
?>
--EXPECT--
unknown: SqzGraph\AuthorizationException error=NULL errorCode=NULL
unknown: no token request: 0
unknown: the code is not in the message: true
missing: SqzGraph\AuthorizationException error=NULL errorCode=NULL
empty query: SqzGraph\AuthorizationException error=NULL errorCode=NULL
still nothing stored: NULL
first use authorized: true
reused: SqzGraph\AuthorizationException error=NULL errorCode=NULL
reused: no token request: 0
reused: record untouched: true
reused: still authorized: true
expired: SqzGraph\AuthorizationException error=NULL errorCode=NULL
expired: message says 10 minutes: true
expired: no token request: 0
expired: pending removed: NULL
9 minutes: authorized: true
other store: SqzGraph\AuthorizationException error=NULL errorCode=NULL
other store can still complete it: true
