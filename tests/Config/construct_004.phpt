--TEST--
Config: http:// only on loopback hosts; endpoints are normalised
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
foreach ([
    'http://127.0.0.1/cb',
    'http://127.1.2.3/cb',
    'http://127.1/cb',
    'http://[::1]:8080/cb',
    'http://localhost:8080/cb',
    'http://LocalHost/cb',
    'https://squeeze.example.com/cb?tenant=a',
] as $uri) {
    // The redirect URI is kept verbatim: Microsoft compares it with the registered one.
    echo (new SqzGraph\Config(base_options(['redirect_uri' => $uri])))->toArray()['redirect_uri'], "\n";
}
$a = (new SqzGraph\Config(base_options([
    'authority' => 'HTTPS://Login.Example.COM:443/',
    'graph_endpoint' => 'https://Graph.Microsoft.com/beta/',
])))->toArray();
echo $a['authority'], ' ', $a['graph_endpoint'], ' ', $a['scopes'][3], "\n";
$a = (new SqzGraph\Config(base_options([
    'authority' => 'http://127.0.0.1:8443/mock/',
    'graph_endpoint' => 'http://[::1]:9000/v1.0',
])))->toArray();
echo $a['authority'], ' ', $a['graph_endpoint'], ' ', $a['scopes'][3], "\n";
?>
--EXPECT--
http://127.0.0.1/cb
http://127.1.2.3/cb
http://127.1/cb
http://[::1]:8080/cb
http://localhost:8080/cb
http://LocalHost/cb
https://squeeze.example.com/cb?tenant=a
https://login.example.com https://graph.microsoft.com/beta https://graph.microsoft.com/Mail.ReadWrite
http://127.0.0.1:8443/mock http://[::1]:9000/v1.0 http://[::1]:9000/Mail.ReadWrite
