--TEST--
Attachment: read-only typed properties; var_dump shows them and never the token; not constructible, serializable or cloneable
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$a = mb_auth($t);
$m = new SqzGraph\Mailbox($a);
$att = $m->attachments(mb_id($t, 'Invoice 2'))[0];
ob_start();
var_dump($att);
print_r($att);
var_export($att);
$out = ob_get_clean();
show('no token', !str_contains($out, $a->accessToken()));
var_dump($att);
foreach ((new ReflectionClass($att))->getProperties() as $p) {
    echo $p->getName(), ': ', $p->getType(), $p->isReadOnly() ? ' readonly' : '', "\n";
}
echo get_class(mb_catch(function () use ($att) { $att->kind = 'item'; })), "\n";
echo get_class(mb_catch(fn () => serialize($att))), "\n";
echo get_class(mb_catch(fn () => clone $att)), "\n";
// It keeps its Mailbox alive.
unset($m, $a);
gc_collect_cycles();
show('saves without the Mailbox variable', $att->save(fopen('php://memory', 'w')));
?>
--EXPECTF--
no token: true
object(SqzGraph\Attachment)#%d (6) {
  ["id"]=>
  string(%d) "%s"
  ["name"]=>
  string(13) "invoice-2.pdf"
  ["contentType"]=>
  string(15) "application/pdf"
  ["size"]=>
  int(3002)
  ["isInline"]=>
  bool(false)
  ["kind"]=>
  string(4) "file"
}
id: string readonly
name: string readonly
contentType: ?string readonly
size: int readonly
isInline: bool readonly
kind: string readonly
Error
Exception
Error
saves without the Mailbox variable: 3002
