--TEST--
NUL bytes are refused, never cut short: a login_hint or prompt with one (ValueError), a stored token record whose access or refresh token holds "\u0000" (StoreException: corrupt, no request), a token answer whose access_token holds one (refused, nothing stored), legacy tokens with one (ConfigException)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config, $dir] = sqz_auth($t);

foreach (['login_hint' => "admin@contoso.example\0evil", 'prompt' => "login\0"] as $k => $v) {
    $e = sqz_catch(fn () => $a->beginAuthorization([$k => $v]));
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

sqz_sign_in($a, $t);
$good = sqz_record($store);
foreach (['access_token', 'refresh_token'] as $field) {
    sqz_patch_record($store, [$field => substr($good[$field], 0, 8) . "\0" . substr($good[$field], 8)]);
    $s = sqz_seq($t);
    $e = sqz_catch(fn () => $a->refresh(true));
    echo sqz_describe($e), ': ', $e->getMessage(), "\n";
    show("requests with a corrupt $field", count(sqz_token_requests($t, $s)));
    $store->put('token', json_encode($good, JSON_UNESCAPED_SLASHES));
}

// The identity platform answering a token with a NUL in it: not a token.
$t->fault(['path' => 'oauth2/v2.0/token', 'action' => 'rewrite', 'set' => ['access_token' => "eyJ0eXAi\0OiJKV1Qi"], 'times' => 1]);
$e = sqz_catch(fn () => $a->refresh(true));
echo sqz_describe($e), "\n";
show('says no usable access token', str_contains($e->getMessage(), 'has no bearer access_token'));
show('stored token unchanged', sqz_record($store)['access_token'] === $good['access_token']);
$a->refresh(true);
show('works again', strlen($a->accessToken()) > 20);

[$b] = sqz_auth($t, [], sqz_tmp('legacy'));
$e = sqz_catch(fn () => $b->importToken(['access_token' => "abc\0def", 'refresh_token' => 'r', 'expires' => time() + 3600], 'UTC'));
echo get_class($e), ': ', $e->getMessage(), "\n";
?>
--EXPECT--
ValueError: SqzGraph\Authenticator::beginAuthorization(): Argument #1 ($options) option "login_hint" must not contain NUL bytes
ValueError: SqzGraph\Authenticator::beginAuthorization(): Argument #1 ($options) option "prompt" must not contain NUL bytes
SqzGraph\StoreException: the token record in the Store is corrupt (its access_token holds a NUL byte); delete it (forget) and authorize again
requests with a corrupt access_token: 0
SqzGraph\StoreException: the token record in the Store is corrupt (its refresh_token holds a NUL byte); delete it (forget) and authorize again
requests with a corrupt refresh_token: 0
SqzGraph\GraphException status=200
says no usable access token: true
stored token unchanged: true
works again: true
SqzGraph\ConfigException: the legacy record's tokens must not contain NUL bytes
