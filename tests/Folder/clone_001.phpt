--TEST--
Folder is an immutable value: a clone is an equal, equally read-only snapshot (cloning is defined, unlike the handle classes); new Folder() and unserialize are refused
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$f = mb_mailbox($t)->resolveFolder('inbox');
$c = clone $f;
show('equal', $c == $f && $c !== $f);
show('same values', [$c->id === $f->id, $c->path, $c->totalCount === $f->totalCount]);
try { $c->path = 'Elsewhere'; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
show('original untouched', $f->path);
try { new SqzGraph\Folder(); } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { serialize($f); } catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
// The handle classes cannot be cloned: two objects would share one token cache or one run.
foreach ([mb_mailbox($t)] as $handle) {
    try { clone $handle; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECT--
equal: true
same values: [true,"Inbox",true]
Error: Cannot modify readonly property SqzGraph\Folder::$path
original untouched: 'Inbox'
Error: Call to private SqzGraph\Folder::__construct() from global scope
Exception: Serialization of 'SqzGraph\Folder' is not allowed
Error: Trying to clone an uncloneable object of class SqzGraph\Mailbox
