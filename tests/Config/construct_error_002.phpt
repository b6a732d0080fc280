--TEST--
Config: unknown options are refused, with the closest known key suggested
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
try_config(base_options(['tenantid' => 'x']));
try_config(base_options(['tenantId' => 'x']));
try_config(base_options(['clientSecret' => 'x']));
try_config(base_options(['client_secert' => 'x']));
try_config(base_options(['redirect_url' => 'x']));
try_config(base_options(['folder' => []]));
try_config(base_options(['scope' => []]));
try_config(base_options(['Flow' => 'delegated']));
try_config(base_options(['proxy' => 'http://proxy:3128']));
try_config(base_options(['verify_peer' => false]));
try_config(base_options(["bad\0key" => 1]));
try_config(base_options([0 => 'delegated']));
try_config(['delegated', 'contoso.onmicrosoft.com']);
?>
--EXPECT--
['tenantid'] unknown option 'tenantid'; did you mean 'tenant_id'?
['tenantId'] unknown option 'tenantId'; did you mean 'tenant_id'?
['clientSecret'] unknown option 'clientSecret'; did you mean 'client_secret'?
['client_secert'] unknown option 'client_secert'; did you mean 'client_secret'?
['redirect_url'] unknown option 'redirect_url'; did you mean 'redirect_uri'?
['folder'] unknown option 'folder'; did you mean 'folders'?
['scope'] unknown option 'scope'; did you mean 'scopes'?
['Flow'] unknown option 'Flow'; did you mean 'flow'?
['proxy'] unknown option 'proxy'; the options are: flow, tenant_id, client_id, client_secret, client_certificate, client_private_key, client_secret_expires, redirect_uri, mailbox, scopes, folders, authority, graph_endpoint, cloud, encryption_key, ca_file, connect_timeout, timeout, max_retries, max_retry_wait, concurrency, logger
['verify_peer'] unknown option 'verify_peer'; the options are: flow, tenant_id, client_id, client_secret, client_certificate, client_private_key, client_secret_expires, redirect_uri, mailbox, scopes, folders, authority, graph_endpoint, cloud, encryption_key, ca_file, connect_timeout, timeout, max_retries, max_retry_wait, concurrency, logger
['bad'] unknown option 'bad\x00key'; the options are: flow, tenant_id, client_id, client_secret, client_certificate, client_private_key, client_secret_expires, redirect_uri, mailbox, scopes, folders, authority, graph_endpoint, cloud, encryption_key, ca_file, connect_timeout, timeout, max_retries, max_retry_wait, concurrency, logger
[NULL] the options must be keyed by option name (flow, tenant_id, ...); got the integer key 0
[NULL] the options must be keyed by option name (flow, tenant_id, ...); got the integer key 0
