--TEST--
Config: cloud shortcuts set authority, graph_endpoint and the scopes' resource; explicit endpoints override them
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
foreach (['global', 'usgov', 'usgov-dod', 'china', 'USGov'] as $cloud) {
    $a = (new SqzGraph\Config(base_options(['cloud' => $cloud])))->toArray();
    printf("%s: %s %s %s\n", $a['cloud'], $a['authority'], $a['graph_endpoint'], $a['scopes'][3]);
    $a = (new SqzGraph\Config(cc_options(['cloud' => $cloud])))->toArray();
    printf("  cc: %s\n", $a['scopes'][0]);
}
$a = (new SqzGraph\Config(base_options(['cloud' => 'china', 'authority' => 'https://login.chinacloudapi.cn/'])))->toArray();
printf("%s: %s %s\n", $a['cloud'], $a['authority'], $a['graph_endpoint']);
$a = (new SqzGraph\Config(base_options(['cloud' => 'usgov', 'graph_endpoint' => 'https://dod-graph.microsoft.us/v1.0'])))->toArray();
printf("%s: %s %s %s\n", $a['cloud'], $a['authority'], $a['graph_endpoint'], $a['scopes'][3]);
// null endpoints mean "the cloud's".
$a = (new SqzGraph\Config(base_options(['cloud' => 'usgov', 'authority' => null, 'graph_endpoint' => null])))->toArray();
printf("%s: %s %s\n", $a['cloud'], $a['authority'], $a['graph_endpoint']);
?>
--EXPECT--
global: https://login.microsoftonline.com https://graph.microsoft.com/v1.0 https://graph.microsoft.com/Mail.ReadWrite
  cc: https://graph.microsoft.com/.default
usgov: https://login.microsoftonline.us https://graph.microsoft.us/v1.0 https://graph.microsoft.us/Mail.ReadWrite
  cc: https://graph.microsoft.us/.default
usgov-dod: https://login.microsoftonline.us https://dod-graph.microsoft.us/v1.0 https://dod-graph.microsoft.us/Mail.ReadWrite
  cc: https://dod-graph.microsoft.us/.default
china: https://login.partner.microsoftonline.cn https://microsoftgraph.chinacloudapi.cn/v1.0 https://microsoftgraph.chinacloudapi.cn/Mail.ReadWrite
  cc: https://microsoftgraph.chinacloudapi.cn/.default
usgov: https://login.microsoftonline.us https://graph.microsoft.us/v1.0 https://graph.microsoft.us/Mail.ReadWrite
  cc: https://graph.microsoft.us/.default
china: https://login.chinacloudapi.cn https://microsoftgraph.chinacloudapi.cn/v1.0
usgov: https://login.microsoftonline.us https://dod-graph.microsoft.us/v1.0 https://dod-graph.microsoft.us/Mail.ReadWrite
usgov: https://login.microsoftonline.us https://graph.microsoft.us/v1.0
