--TEST--
TokenInfo values: not authorized (delegated and client_credentials), after importToken(), as JSON
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/token_info.inc';
var_dump(offline_auth()->status());
$cc = offline_auth(['flow' => 'client_credentials'])->status();
echo json_encode($cc), "\n";
$before = time();
$i = offline_auth()->importToken(['access_token' => 'at', 'refresh_token' => 'rt', 'expires' => 4102444800], 'UTC');
$j = json_decode(json_encode($i), true);
var_dump($j['obtainedAt'] >= $before, $j['lastRefreshAt'] === $j['obtainedAt'], $j['refreshTokenExpiresAt'] === $j['lastRefreshAt'] + 7776000);
unset($j['obtainedAt'], $j['lastRefreshAt'], $j['refreshTokenExpiresAt']);
echo json_encode($j, JSON_UNESCAPED_SLASHES), "\n";
?>
--EXPECT--
object(SqzGraph\TokenInfo)#4 (13) {
  ["authorized"]=>
  bool(false)
  ["needsReauthorization"]=>
  bool(true)
  ["reason"]=>
  string(14) "not_authorized"
  ["errorCode"]=>
  NULL
  ["expiresAt"]=>
  NULL
  ["obtainedAt"]=>
  NULL
  ["account"]=>
  NULL
  ["scopes"]=>
  array(0) {
  }
  ["flow"]=>
  string(9) "delegated"
  ["refreshTokenExpiresAt"]=>
  NULL
  ["lastRefreshAt"]=>
  NULL
  ["lastError"]=>
  NULL
  ["warnings"]=>
  array(0) {
  }
}
{"authorized":false,"needsReauthorization":false,"reason":"not_authorized","errorCode":null,"expiresAt":null,"obtainedAt":null,"account":null,"scopes":[],"flow":"client_credentials","refreshTokenExpiresAt":null,"lastRefreshAt":null,"lastError":null,"warnings":[]}
bool(true)
bool(true)
bool(true)
{"authorized":true,"needsReauthorization":false,"reason":null,"errorCode":null,"expiresAt":4102444800,"account":null,"scopes":["openid","profile","offline_access","http://127.0.0.1:9/Mail.ReadWrite"],"flow":"delegated","lastError":null,"warnings":[]}
