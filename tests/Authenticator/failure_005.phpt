--TEST--
A token answer that cannot be trusted (expires_in negative, missing, not a number, over a year; token_type not Bearer; not JSON) is an error that leaves the record byte-identical; then a good answer works
--DESCRIPTION--
GraphException::statusCode() is the HTTP status of the answer that failed: 200 here (a 200 whose body
cannot be used), as for the cut-JSON answer.
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store] = sqz_auth($t);
sqz_sign_in($a, $t);
sqz_make_stale($store);
$bytes = $store->get('token');
foreach ([['expires_in' => -5], ['expires_in' => 0], ['expires_in' => null], ['expires_in' => 'abc'], ['expires_in' => 500 * 86400],
    ['token_type' => 'mac']] as $override) {
    $t->tokenResponseOverrides($override);
    $e = sqz_catch(fn () => $a->accessToken());
    printf("%-28s %s, untouched %s, lastError %s\n", json_encode($override), sqz_describe($e),
        json_encode($store->get('token') === $bytes), json_encode($a->status()->lastError !== null));
}
$t->tokenResponseOverrides([]);
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'action' => 'invalid_json', 'times' => 1]);
$e = sqz_catch(fn () => $a->accessToken());
printf("%-28s %s, untouched %s\n", 'cut JSON', get_class($e ?? new stdClass), json_encode($store->get('token') === $bytes));
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'action' => 'truncate', 'times' => 1]);
$e = sqz_catch(fn () => $a->accessToken());
printf("%-28s %s, untouched %s\n", 'truncated', get_class($e ?? new stdClass), json_encode($store->get('token') === $bytes));
$t->clearRequests();
show('then a good answer', strlen($a->accessToken()) > 100 ? sqz_grants($t) : 'failed');
show('status', [$a->status()->authorized, $a->status()->lastError]);
?>
--EXPECT--
{"expires_in":-5}            SqzGraph\GraphException status=200, untouched true, lastError true
{"expires_in":0}             SqzGraph\GraphException status=200, untouched true, lastError true
{"expires_in":null}          SqzGraph\GraphException status=200, untouched true, lastError true
{"expires_in":"abc"}         SqzGraph\GraphException status=200, untouched true, lastError true
{"expires_in":43200000}      SqzGraph\GraphException status=200, untouched true, lastError true
{"token_type":"mac"}         SqzGraph\GraphException status=200, untouched true, lastError true
cut JSON                     SqzGraph\GraphException, untouched true
truncated                    SqzGraph\TransportException, untouched true
then a good answer: 'refresh_token'
status: [true,null]
