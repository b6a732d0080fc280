--TEST--
Transient token endpoint failures (503, 429 + Retry-After, HTML 502, connection drop) leave the record byte-identical, throw GraphException / ThrottledException / TransportException, and never force a new sign-in
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config, $dir] = sqz_auth($t);
sqz_sign_in($a, $t);
sqz_make_stale($store, 100);
$bytes = $store->get('token');
$token = '/oauth2/v2.0/token';

function attempt(MockTenant $t, SqzGraph\Store $store, string $bytes, SqzGraph\Authenticator $a, string $label): void
{
    $t->clearRequests();
    $start = microtime(true);
    $e = sqz_catch(fn () => $a->accessToken());
    $took = microtime(true) - $start;
    echo "$label: ", sqz_describe($e), "\n";
    show('  implements the marker', $e instanceof SqzGraph\Exception);
    show('  token requests', count(sqz_token_requests($t)));
    show('  record byte-identical', $store->get('token') === $bytes);
    $s = $a->status();
    show('  status', [$s->authorized, $s->needsReauthorization, $s->reason]);
    show('  lastError set', $s->lastError !== null && $s->lastError !== '');
    $GLOBALS['took'] = $took;
}

// 503 on every attempt; max_retries 2 → 3 attempts (Retry-After 0 keeps it quick)
$t->fault(['method' => 'POST', 'path' => $token, 'status' => 503, 'retry_after' => '0']);
$b = new SqzGraph\Authenticator(sqz_config($t, ['max_retries' => 2]), $store);
attempt($t, $store, $bytes, $b, '503 x3');
$t->clearFaults();

// 429 with Retry-After 1, max_retries 1 → 2 attempts, about 1 s apart
$t->fault(['method' => 'POST', 'path' => $token, 'status' => 429, 'retry_after' => '1']);
$b = new SqzGraph\Authenticator(sqz_config($t, ['max_retries' => 1]), $store);
attempt($t, $store, $bytes, $b, '429 x2');
show('  waited Retry-After', $took >= 0.9);
$t->clearFaults();

// 429 with a Retry-After beyond max_retry_wait: no retry, the wait is reported
$t->fault(['method' => 'POST', 'path' => $token, 'status' => 429, 'retry_after' => '3600']);
$b = new SqzGraph\Authenticator(sqz_config($t, ['max_retries' => 5, 'max_retry_wait' => 30]), $store);
attempt($t, $store, $bytes, $b, '429 Retry-After 3600');
show('  no wait', $took < min(29, 5 * MockTenant::slowdown()));   // max_retry_wait is 30
$t->clearFaults();

// a gateway's HTML error page
$t->fault(['method' => 'POST', 'path' => $token, 'action' => 'html', 'status' => 502]);
attempt($t, $store, $bytes, $a, 'HTML 502');
$t->clearFaults();

// the connection drops without an answer
$t->fault(['method' => 'POST', 'path' => $token, 'action' => 'drop']);
attempt($t, $store, $bytes, $a, 'drop');
$t->clearFaults();

// a 503 the retries overcome: one success, nothing thrown
$t->fault(['method' => 'POST', 'path' => $token, 'status' => 503, 'retry_after' => '0', 'times' => 1]);
$b = new SqzGraph\Authenticator(sqz_config($t, ['max_retries' => 1]), $store);
$t->clearRequests();
$tok = $b->accessToken();
show('503 then 200: token requests', count(sqz_token_requests($t)));
show('503 then 200: refreshed', $tok !== json_decode($bytes, true)['access_token']);
show('lastError cleared', $b->status()->lastError);

// and after all those failures the grant still works
sqz_make_stale($store);
$t->clearRequests();
show('later refresh', strlen($a->accessToken()) > 100 ? sqz_grants($t) : 'failed');
?>
--EXPECT--
503 x3: SqzGraph\GraphException status=503
  implements the marker: true
  token requests: 3
  record byte-identical: true
  status: [true,false,null]
  lastError set: true
429 x2: SqzGraph\ThrottledException retryAfter=1.0 status=429
  implements the marker: true
  token requests: 2
  record byte-identical: true
  status: [true,false,null]
  lastError set: true
  waited Retry-After: true
429 Retry-After 3600: SqzGraph\ThrottledException retryAfter=3600.0 status=429
  implements the marker: true
  token requests: 1
  record byte-identical: true
  status: [true,false,null]
  lastError set: true
  no wait: true
HTML 502: SqzGraph\GraphException status=502
  implements the marker: true
  token requests: 1
  record byte-identical: true
  status: [true,false,null]
  lastError set: true
drop: SqzGraph\TransportException curl=52
  implements the marker: true
  token requests: 1
  record byte-identical: true
  status: [true,false,null]
  lastError set: true
503 then 200: token requests: 2
503 then 200: refreshed: true
lastError cleared: NULL
later refresh: 'refresh_token'
