--TEST--
accessToken(): a fresh token is returned from the Store without any request; not authorized → ReauthenticationRequiredException not_authorized
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config, $dir] = sqz_auth($t);

$e = sqz_catch(fn () => $a->accessToken());
echo 'before sign-in: ', sqz_describe($e), "\n";
show('message says what to do', str_contains((string) $e?->getMessage(), 'Authenticate'));
show('requests', count($t->requests()));

sqz_sign_in($a, $t);
$record = $store->get('token');
$t->clearRequests();
$tok = $a->accessToken();
show('token = stored token', $tok === sqz_record($store)['access_token']);
show('again', $a->accessToken() === $tok);
// a second Authenticator (another PHP request) on the same Store
$b = new SqzGraph\Authenticator($config, new SqzGraph\FileStore($dir));
show('other object, same token', $b->accessToken() === $tok);
show('refresh(false) when fresh', $b->refresh()->authorized);
show('requests', count($t->requests()));
show('record byte-identical', $store->get('token') === $record);

// expires in 301 s: still outside the 300 s margin
sqz_second_start();
sqz_make_stale($store, 301);
show('301 s left: same token', $a->accessToken() === $tok);
show('requests', count($t->requests()));
// 299 s left: inside the margin
sqz_make_stale($store, 299);
$new = $a->accessToken();
show('299 s left: new token', $new !== $tok);
show('token requests', sqz_grants($t));

// forget() deletes the record
$a->forget();
show('forgotten', $store->get('token'));
$e = sqz_catch(fn () => $a->accessToken());
echo 'after forget: ', sqz_describe($e), "\n";
$a->forget();   // twice is fine
echo "done\n";
?>
--EXPECT--
before sign-in: SqzGraph\ReauthenticationRequiredException reason='not_authorized' error=NULL errorCode=NULL
message says what to do: true
requests: 0
token = stored token: true
again: true
other object, same token: true
refresh(false) when fresh: true
requests: 0
record byte-identical: true
301 s left: same token: true
requests: 0
299 s left: new token: true
token requests: 'refresh_token'
forgotten: NULL
after forget: SqzGraph\ReauthenticationRequiredException reason='not_authorized' error=NULL errorCode=NULL
done
