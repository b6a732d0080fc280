--TEST--
Config: a refused URL option never shows its password, also when something precedes the scheme ("a:b://user:pw@host", "x:https://user:pw@host")
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
foreach ([
    'authority' => 'a:b://user:s3cret@login.example/',
    'graph_endpoint' => 'x:https://user:s3cret@graph.example',
    'authority ' => 'https://user:s3cret@login.example/',
] as $key => $value) {
    try {
        new SqzGraph\Config(base_options([trim($key) => $value]));
        echo "$key: accepted\n";
    } catch (SqzGraph\ConfigException $e) {
        echo $e->getMessage(), str_contains($e->getMessage(), 's3cret') ? ' LEAKED' : '', "\n";
    }
}
?>
--EXPECT--
authority must be an absolute https:// URL; got "a:b://***@login.example/"
graph_endpoint must be an absolute https:// URL; got "x:https://***@graph.example"
authority must not contain a user name or password
