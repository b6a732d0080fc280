--TEST--
Folder: read-only typed properties, var_dump shows them and no token; not constructible, not serializable
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$a = mb_auth($t);
$m = new SqzGraph\Mailbox($a);
$f = $m->resolveFolder('inbox');
ob_start();
var_dump($f);
print_r($f);
var_export($f);
$out = ob_get_clean();
show('no token', !str_contains($out, $a->accessToken()));
var_dump($f);
$r = new ReflectionClass($f);
show('final', $r->isFinal());
foreach ($r->getProperties() as $p) {
    echo $p->getName(), ': ', $p->getType(), $p->isReadOnly() ? ' readonly' : '', "\n";
}
echo get_class(mb_catch(function () use ($f) { $f->name = 'x'; })), "\n";
echo get_class(mb_catch(function () use ($f) { $f->extra = 1; })), "\n";
echo get_class(mb_catch(fn () => serialize($f))), "\n";
$c = clone $f;                      // a plain value: a clone is an equal value
show('clone', [$c == $f, $c !== $f]);
?>
--EXPECTF--
no token: true
object(SqzGraph\Folder)#%d (8) {
  ["id"]=>
  string(%d) "%s"
  ["name"]=>
  string(5) "Inbox"
  ["path"]=>
  string(5) "Inbox"
  ["parentId"]=>
  string(%d) "%s"
  ["totalCount"]=>
  int(5)
  ["unreadCount"]=>
  int(5)
  ["childCount"]=>
  int(1)
  ["isHidden"]=>
  bool(false)
}
final: true
id: string readonly
name: string readonly
path: string readonly
parentId: ?string readonly
totalCount: int readonly
unreadCount: int readonly
childCount: int readonly
isHidden: bool readonly
Error
Error
Exception
clone: [true,true]
