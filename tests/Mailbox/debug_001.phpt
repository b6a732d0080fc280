--TEST--
Mailbox, MessageIterator: var_dump/print_r/var_export/debug_zval show no token or secret; not serializable, not cloneable
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$a = mb_auth($t);
$m = new SqzGraph\Mailbox($a);
$it = $m->messages('inbox');
$it->valid();
$token = $a->accessToken();
ob_start();
var_dump($m, $it);
print_r($m);
print_r($it);
var_export($m);
var_export($it);
debug_zval_dump($m);
$out = ob_get_clean();
show('token absent', !str_contains($out, $token) && !str_contains($out, explode('.', $token)[1]));
show('secret absent', !str_contains($out, SECRET));
var_dump($m);
echo mb_describe(mb_catch(fn () => serialize($m))), "\n";
echo mb_describe(mb_catch(fn () => clone $m)), "\n";
echo mb_describe(mb_catch(fn () => serialize($it))), "\n";
?>
--EXPECTF--
token absent: true
secret absent: true
object(SqzGraph\Mailbox)#%d (2) {
  ["mailbox"]=>
  string(2) "me"
  ["graph_endpoint"]=>
  string(%d) "http://127.0.0.1:%d/v1.0"
}
Exception
Error
Exception
