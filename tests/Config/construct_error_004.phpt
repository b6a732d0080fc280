--TEST--
Config: URLs must be https:// or http:// on a loopback host; no password in a message
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
try_config(base_options(['redirect_uri' => 'http://squeeze.example.com/api/v2/importers/email/authenticate/end']));
try_config(base_options(['redirect_uri' => 'http://localhost.evil.com/cb']));
try_config(base_options(['redirect_uri' => 'http://127.0.0.1.nip.io/cb']));
try_config(base_options(['redirect_uri' => 'http://10.0.0.1/cb']));
try_config(base_options(['redirect_uri' => 'http://[::2]/cb']));
try_config(base_options(['redirect_uri' => 'ftp://127.0.0.1/cb']));
try_config(base_options(['redirect_uri' => 'squeeze.example.com/cb']));
try_config(base_options(['redirect_uri' => 'https://squeeze example.com/cb']));
try_config(base_options(['redirect_uri' => 'https://squeeze.example.com/cb#done']));
try_config(base_options(['redirect_uri' => 'https://admin:TOPSECRET@squeeze.example.com/cb']));
try_config(base_options(['redirect_uri' => 'ftp://admin:TOPSECRET@squeeze.example.com/cb']));
try_config(base_options(['authority' => 'http://login.microsoftonline.com']));
try_config(base_options(['authority' => 'https://login.microsoftonline.com/contoso.onmicrosoft.com']));
try_config(base_options(['authority' => 'https://idp.example.com/v2/contoso.onmicrosoft.com/']));
try_config(base_options(['authority' => 'https://idp.example.com/tenant/oauth2/v2.0']));
try_config(base_options(['authority' => 'https://login.example.com/?x=1']));
try_config(base_options(['authority' => '']));
try_config(base_options(['graph_endpoint' => 'http://graph.microsoft.com/v1.0']));
try_config(base_options(['graph_endpoint' => 'https://graph.microsoft.com']));
try_config(base_options(['graph_endpoint' => 'https://graph.microsoft.com/v2.0']));
try_config(base_options(['graph_endpoint' => 'https://graph.example.com/v1.0#x']));
?>
--EXPECT--
['redirect_uri'] redirect_uri must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "http://squeeze.example.com/api/v2/importers/email/authenticate/end"
['redirect_uri'] redirect_uri must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "http://localhost.evil.com/cb"
['redirect_uri'] redirect_uri must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "http://127.0.0.1.nip.io/cb"
['redirect_uri'] redirect_uri must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "http://10.0.0.1/cb"
['redirect_uri'] redirect_uri must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "http://[::2]/cb"
['redirect_uri'] redirect_uri must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "ftp://127.0.0.1/cb"
['redirect_uri'] redirect_uri must be an absolute https:// URL; got "squeeze.example.com/cb"
['redirect_uri'] redirect_uri must be an absolute https:// URL; got "https://squeeze example.com/cb"
['redirect_uri'] redirect_uri must not contain a fragment (#...); got "https://squeeze.example.com/cb#done"
['redirect_uri'] redirect_uri must not contain a user name or password
['redirect_uri'] redirect_uri must not contain a user name or password
['authority'] authority must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "http://login.microsoftonline.com"
['authority'] authority is the identity platform's base URL without tenant or endpoint path, e.g. https://login.microsoftonline.com; got "https://login.microsoftonline.com/contoso.onmicrosoft.com"
['authority'] authority must not contain the tenant (it is taken from tenant_id); give the base URL only, e.g. https://login.microsoftonline.com
['authority'] authority is the identity platform's base URL without tenant or endpoint path, e.g. https://login.microsoftonline.com; got "https://idp.example.com/tenant/oauth2/v2.0"
['authority'] authority must not contain a query (?...); got "https://login.example.com/?x=1"
['authority'] authority must not be empty; leave the option out (or null) for the default
['graph_endpoint'] graph_endpoint must be https:// (http:// only for a loopback host such as 127.0.0.1 or localhost); got "http://graph.microsoft.com/v1.0"
['graph_endpoint'] graph_endpoint must name the API version, e.g. https://graph.microsoft.com/v1.0 (or /beta); got "https://graph.microsoft.com"
['graph_endpoint'] graph_endpoint must name the API version, e.g. https://graph.microsoft.com/v1.0 (or /beta); got "https://graph.microsoft.com/v2.0"
['graph_endpoint'] graph_endpoint must not contain a fragment (#...); got "https://graph.example.com/v1.0#x"
