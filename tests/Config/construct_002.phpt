--TEST--
Config: client_credentials always asks for {graph}/.default; a mailbox adds Mail.ReadWrite.Shared to delegated scopes
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$a = (new SqzGraph\Config(cc_options()))->toArray();
echo $a['flow'], ' ', $a['mailbox'], ' ', json_encode($a['scopes'], JSON_UNESCAPED_SLASHES), ' ', var_export($a['redirect_uri'], true), "\n";
$a = (new SqzGraph\Config(cc_options(['graph_endpoint' => 'http://127.0.0.1:8080/v1.0'])))->toArray();
echo json_encode($a['scopes'], JSON_UNESCAPED_SLASHES), "\n";
$a = (new SqzGraph\Config(base_options(['mailbox' => 'Shared-Scans@Contoso.com'])))->toArray();
echo $a['mailbox'], ' ', json_encode($a['scopes'], JSON_UNESCAPED_SLASHES), "\n";
// An empty mailbox (an empty form field) is the signed-in user's own mailbox.
$a = (new SqzGraph\Config(base_options(['mailbox' => ''])))->toArray();
echo var_export($a['mailbox'], true), ' ', count($a['scopes']), "\n";
$a = (new SqzGraph\Config(base_options(['mailbox' => null])))->toArray();
echo var_export($a['mailbox'], true), ' ', count($a['scopes']), "\n";
// Delegated may use the multi-tenant segments.
foreach (['common', 'organizations', 'consumers'] as $t) {
    echo (new SqzGraph\Config(base_options(['tenant_id' => $t])))->toArray()['tenant_id'], "\n";
}
?>
--EXPECT--
client_credentials scans@contoso.com ["https://graph.microsoft.com/.default"] NULL
["http://127.0.0.1:8080/.default"]
Shared-Scans@Contoso.com ["openid","profile","offline_access","https://graph.microsoft.com/Mail.ReadWrite","https://graph.microsoft.com/Mail.ReadWrite.Shared"]
NULL 4
NULL 4
common
organizations
consumers
