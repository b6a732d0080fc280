--TEST--
Message: read-only typed properties; var_dump/print_r/var_export show them and never the token; not constructible, serializable or cloneable
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$a = mb_auth($t);
$m = new SqzGraph\Mailbox($a);
$msg = $m->message(mb_id($t, 'Invoice 1'));
ob_start();
var_dump($msg);
print_r($msg);
var_export($msg);
debug_zval_dump($msg);
$out = ob_get_clean();
$token = $a->accessToken();
show('no token', !str_contains($out, $token) && !str_contains($out, explode('.', $token)[2]));
show('no secret', !str_contains($out, SECRET));
var_dump($msg);
foreach ((new ReflectionClass($msg))->getProperties() as $p) {
    echo $p->getName(), ': ', $p->getType(), $p->isReadOnly() ? ' readonly' : '', "\n";
}
echo get_class(mb_catch(function () use ($msg) { $msg->subject = 'x'; })), "\n";
echo get_class(mb_catch(fn () => serialize($msg))), "\n";
echo get_class(mb_catch(fn () => clone $msg)), "\n";
?>
--EXPECTF--
no token: true
no secret: true
object(SqzGraph\Message)#%d (8) {
  ["id"]=>
  string(%d) "%s"
  ["internetMessageId"]=>
  string(%d) "<%s>"
  ["subject"]=>
  string(9) "Invoice 1"
  ["from"]=>
  string(24) "billing@fabrikam.example"
  ["fromName"]=>
  string(16) "Fabrikam Billing"
  ["receivedAt"]=>
  int(1704448860)
  ["hasAttachments"]=>
  bool(true)
  ["size"]=>
  int(%d)
}
id: string readonly
internetMessageId: ?string readonly
subject: string readonly
from: ?string readonly
fromName: ?string readonly
receivedAt: int readonly
hasAttachments: bool readonly
size: ?int readonly
Error
Exception
Error
