--TEST--
TokenInfo::$account: a delegated configuration change keeps whose grant it was; a client-credentials status never names an account, also when the Store holds a record left by a delegated configuration
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $c, $dir] = sqz_auth($t);
$ti = sqz_sign_in($a, $t);
echo 'delegated: ', var_export($ti->account, true), "\n";

[$changed] = sqz_auth($t, ['scopes' => ['openid', 'profile', 'offline_access', 'https://graph.microsoft.com/Mail.Read']], $dir);
$st = $changed->status();
printf("delegated, configuration changed: reason=%s account=%s\n", $st->reason, var_export($st->account, true));

[$cc] = sqz_auth($t, ['flow' => 'client_credentials'], $dir);
$st = $cc->status();
printf("client credentials, no token yet: authorized=%s reason=%s account=%s\n",
    var_export($st->authorized, true), $st->reason, var_export($st->account, true));
$cc->accessToken();
$st = $cc->status();
printf("client credentials, token held: authorized=%s account=%s\n", var_export($st->authorized, true), var_export($st->account, true));
?>
--EXPECT--
delegated: 'admin@contoso.example'
delegated, configuration changed: reason=configuration_changed account='admin@contoso.example'
client credentials, no token yet: authorized=false reason=not_authorized account=NULL
client credentials, token held: authorized=true account=NULL
