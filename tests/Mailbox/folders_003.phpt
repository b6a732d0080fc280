--TEST--
Mailbox::folders(): a '/' inside a display name is written "\/" in the path
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$q = $t->addFolder(ADMIN, 'Q1/Q2', 'inbox');
$t->addFolder(ADMIN, 'Sub', $q['id']);
$t->addFolder(ADMIN, 'a/b/c', 'msgfolderroot');
$m = mb_mailbox($t);
foreach ($m->folders() as $f) {
    if (str_contains($f->name, '/') || $f->name === 'Sub') {
        echo $f->path, ' | ', $f->name, "\n";
    }
}
?>
--EXPECT--
Inbox/Q1\/Q2 | Q1/Q2
Inbox/Q1\/Q2/Sub | Sub
a\/b\/c | a/b/c
