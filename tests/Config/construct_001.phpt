--TEST--
Config: minimal delegated configuration gets every default
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$c = new SqzGraph\Config(base_options());
var_dump($c instanceof SqzGraph\Config);
var_dump($c->toArray());
?>
--EXPECT--
bool(true)
array(22) {
  ["flow"]=>
  string(9) "delegated"
  ["tenant_id"]=>
  string(23) "contoso.onmicrosoft.com"
  ["client_id"]=>
  string(36) "11111111-2222-3333-4444-555555555555"
  ["client_secret"]=>
  string(3) "***"
  ["client_certificate"]=>
  NULL
  ["client_private_key"]=>
  NULL
  ["client_secret_expires"]=>
  NULL
  ["redirect_uri"]=>
  string(67) "https://squeeze.example.com/api/v2/importers/email/authenticate/end"
  ["mailbox"]=>
  NULL
  ["scopes"]=>
  array(4) {
    [0]=>
    string(6) "openid"
    [1]=>
    string(7) "profile"
    [2]=>
    string(14) "offline_access"
    [3]=>
    string(42) "https://graph.microsoft.com/Mail.ReadWrite"
  }
  ["folders"]=>
  array(3) {
    ["inbox"]=>
    string(5) "Inbox"
    ["exported"]=>
    string(8) "Exported"
    ["error"]=>
    string(5) "Error"
  }
  ["authority"]=>
  string(33) "https://login.microsoftonline.com"
  ["graph_endpoint"]=>
  string(32) "https://graph.microsoft.com/v1.0"
  ["cloud"]=>
  string(6) "global"
  ["encryption_key"]=>
  NULL
  ["ca_file"]=>
  NULL
  ["connect_timeout"]=>
  float(10)
  ["timeout"]=>
  float(60)
  ["max_retries"]=>
  int(5)
  ["max_retry_wait"]=>
  float(120)
  ["concurrency"]=>
  int(4)
  ["logger"]=>
  NULL
}
