--TEST--
Folder: id, name, path, parentId, totalCount, unreadCount, childCount follow the mailbox (counts change as mail moves)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t);
$inbox = $m->resolveFolder('inbox');
$exp = $m->resolveFolder('Exported');
$sub = $t->addFolder(ADMIN, 'Archiv 2024', $exp->id);
show('before', [[$inbox->totalCount, $inbox->unreadCount, $inbox->childCount], [$exp->totalCount, $exp->childCount]]);
$m->moveMany(array_slice(array_column($t->messagesIn(ADMIN, 'inbox'), 'immutable_id'), 0, 2), $exp->id);
$inbox2 = $m->resolveFolder('inbox');
$exp2 = $m->resolveFolder('Exported');
$child = $m->resolveFolder('Exported/Archiv 2024');
show('after', [[$inbox2->totalCount, $inbox2->unreadCount, $inbox2->childCount], [$exp2->totalCount, $exp2->childCount]]);
show('the old objects are values', [$inbox->totalCount, $exp->totalCount]);
show('child', [$child->name, $child->path, $child->parentId === $exp->id, $child->id === $sub['id'], $child->totalCount, $child->childCount]);
show('top-level parent', [$exp->parentId === $inbox->parentId, $exp->parentId !== null]);
?>
--EXPECT--
before: [[5,5,1],[0,0]]
after: [[3,3,1],[2,1]]
the old objects are values: [5,0]
child: ["Archiv 2024","Exported/Archiv 2024",true,true,0,0]
top-level parent: [true,true]
