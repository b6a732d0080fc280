--TEST--
completeAuthorization(): a sign-in started under one configuration cannot be completed under another (no token request, state consumed)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config, $dir] = sqz_auth($t);
$b = $a->beginAuthorization();
$r = $t->authorize($b['url']);
$other = new SqzGraph\Authenticator(sqz_config($t, ['mailbox' => ADMIN]), new SqzGraph\FileStore($dir));
$t->clearRequests();
$e = sqz_catch(fn () => $other->completeAuthorization($r['query']));
echo sqz_describe($e), "\n";
show('says so', str_contains((string) $e?->getMessage(), 'configuration changed'));
show('no token request', count($t->requests()));
show('nothing stored', $store->get('token'));
show('state consumed', $store->get(sqz_pending_key($b['state'])));
echo 'original config now: ', sqz_describe(sqz_catch(fn () => $a->completeAuthorization($r['query']))), "\n";
?>
--EXPECT--
SqzGraph\AuthorizationException error=NULL errorCode=NULL
says so: true
no token request: 0
nothing stored: NULL
state consumed: NULL
original config now: SqzGraph\AuthorizationException error=NULL errorCode=NULL
