--TEST--
Token response overrides (expires_in as string, refresh_in, no refresh token) and token endpoint faults
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$t->tokenResponseOverrides(['expires_in' => '3599', 'refresh_in' => 1800, 'omit_refresh_token' => true]);
$r = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
show('overridden', [$r['expires_in'], $r['refresh_in'], isset($r['refresh_token'])]);
$t->tokenResponseOverrides(['expires_in' => -5, 'ext_expires_in' => null]);
$r = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN);
show('negative', [$r['expires_in'], array_key_exists('ext_expires_in', $r), isset($r['refresh_token'])]);
$t->tokenResponseOverrides([]);
$t->fault(['path' => '/oauth2/v2\.0/token$', 'method' => 'POST', 'status' => 429, 'retry_after' => '7', 'times' => 1]);
$f = $t->token(TENANT, ['grant_type' => 'client_credentials', 'client_id' => CLIENT, 'client_secret' => SECRET,
    'scope' => 'https://graph.microsoft.com/.default']);
show('429', [$f['status'], $f['headers']['retry-after'], $f['json']['error'], isset($f['json']['error_codes'])]);
$t->fault(['path' => '/oauth2/v2\.0/token$', 'status' => 503, 'retry_after' => '3', 'nth' => 1]);
$f = $t->token(TENANT, ['grant_type' => 'client_credentials', 'client_id' => CLIENT, 'client_secret' => SECRET,
    'scope' => 'https://graph.microsoft.com/.default']);
show('503', [$f['status'], $f['headers']['retry-after'], $f['json']['error']]);
show('then ok', strlen(appToken($t)) > 100);
$t->fault(['path' => '/oauth2/v2\.0/token$', 'action' => 'drop', 'times' => 1]);
$f = $t->token(TENANT, ['grant_type' => 'client_credentials', 'client_id' => CLIENT, 'client_secret' => SECRET,
    'scope' => 'https://graph.microsoft.com/.default']);
show('drop', [$f['status'], $f['errno']]);
?>
--EXPECT--
overridden: ["3599",1800,false]
negative: [-5,false,true]
429: [429,"7","temporarily_unavailable",true]
503: [503,"3","temporarily_unavailable"]
then ok: true
drop: [0,52]
