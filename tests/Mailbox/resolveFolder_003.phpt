--TEST--
Mailbox::resolveFolder(): any other name is searched in the whole tree, case-insensitively (also beyond ASCII); hidden folders are excluded
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('sample');
$t->addFolder(ADMIN, 'Ünïcödé Ordner', 'Inbox/Invoices/2024');
$t->addFolder(ADMIN, 'Secret', 'Hidden Stuff');
$m = mb_mailbox($t);
foreach (['2024', 'invoices', 'EXPORTED', 'local failures', 'ÜNÏCÖDÉ ordner', 'ünïcödé ORDNER', 'Unread invoices'] as $spec) {
    $f = $m->resolveFolder($spec);
    echo "$spec => {$f->path}\n";
}
foreach (['Hidden Stuff', 'hidden stuff', 'Secret'] as $spec) {
    $e = mb_catch(fn () => $m->resolveFolder($spec));
    echo "$spec => ", get_class($e), "\n";
}
// A hidden folder is still reachable by its path, and listed by folders().
echo $m->resolveFolder('Hidden Stuff/Secret')->path, "\n";
show('listed', count(array_filter($m->folders(), fn ($f) => $f->name === 'Secret')));
?>
--EXPECT--
2024 => Inbox/Invoices/2024
invoices => Inbox/Invoices
EXPORTED => Exported
local failures => Sync Issues/Local Failures
ÜNÏCÖDÉ ordner => Inbox/Invoices/2024/Ünïcödé Ordner
ünïcödé ORDNER => Inbox/Invoices/2024/Ünïcödé Ordner
Unread invoices => Unread invoices
Hidden Stuff => SqzGraph\FolderNotFoundException
hidden stuff => SqzGraph\FolderNotFoundException
Secret => SqzGraph\FolderNotFoundException
Hidden Stuff/Secret
listed: 1
